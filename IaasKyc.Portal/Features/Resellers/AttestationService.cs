using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Mail;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Resellers;

public sealed record TemplateInput(string? Introduction, IReadOnlyDictionary<string, string?> Clauses);

public sealed record TemplateView(Guid Id, int Number, string Introduction, IReadOnlyDictionary<string, string> Clauses, string DraftedBy, DateTime DraftedAtUtc,
    string? ApprovedBy, DateTime? ApprovedAtUtc, DateTime? FirstSentAtUtc, string Preview, Guid Version)
{
    public string Label => $"v{Number}";
    public string State => FirstSentAtUtc is not null ? "Sent" : ApprovedAtUtc is not null ? "Approved" : "Draft";
}

public sealed record SentAttestation(Outcome Outcome, string? Link = null, string? MailedTo = null, DateTime? ExpiresAtUtc = null);

public sealed record AttestationView(Guid Id, int TemplateNumber, string SentBy, DateTime SentAtUtc, string? SentTo, DateTime LinkExpiresAtUtc,
    AttestationState State, string? RevokedBy, DateTime? RevokedAtUtc, string? SignerName, string? SignerTitle, string? SignerEmail, DateTime? SignedAtUtc,
    string? SignerIp, string TextSha256, string? SignedTextSha256, DateOnly? ValidUntil, Guid Version);

/// <summary>What the public signing page may show: the reseller's name and the exact text, or only a plain explanation.</summary>
public sealed record PublicAttestation(string? ResellerName, string? Text, string? TextSha256, string? Problem);

/// <summary>What the certificate of a signed attestation states.</summary>
public sealed record AttestationCertificate(string ResellerName, string? Country, int TemplateNumber, string RulePackVersion, string Text, string TextSha256,
    string SentBy, DateTime SentAtUtc, string? SentTo, string SignerName, string SignerTitle, string SignerEmail, DateTime SignedAtUtc, string SignerIp,
    DateOnly ValidUntil);

/// <summary>The renewal position of a reseller's latest signed attestation: its expiry as a deadline and each reminder.</summary>
public sealed record RenewalView(DateOnly ValidUntil, int DaysLeft, DeadlineState Deadline, string DeadlineText, IReadOnlyList<ReminderView> Reminders, bool Expired);

public sealed record ReminderView(int DaysBefore, DateOnly On, bool Sent);

/// <summary>What one renewal run did.</summary>
public sealed record RenewalRun(int RemindersMailed, int FindingsOpened);

public sealed record SignatureInput(string? Name, string? Title, string? Email, bool Authorised, string? ShownTextSha256);

/// <summary>
/// Flow-down attestations (regulation.md §2, proposed § 7.301): the versioned template an Approver approves before it is sent
/// (never the author; a version once sent is frozen), and the attestations sent as single-use signing links and signed without an account.
/// </summary>
public sealed class AttestationService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time, IMailSender mail,
    ILogger<AttestationService> logger)
{
    /// <summary>
    /// Sends the latest approved template version to the reseller: a new link (the token is returned once, for the Officer to pass on,
    /// and mailed to the contact when one is chosen). <paramref name="baseUri"/> is the portal's address as the Officer reaches it.
    /// </summary>
    public async Task<SentAttestation> SendAsync(Guid resellerId, Guid? contactId, string baseUri, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reseller = await db.Resellers.Include(r => r.Contacts).AsNoTracking().FirstOrDefaultAsync(r => r.Id == resellerId, ct);
        if (reseller is null) return new(Outcome.Invalid("notFound", "The reseller no longer exists.", ""));
        if (reseller.Status == ResellerStatus.Terminated)
            return new(Outcome.RefusedBecause("state", "The reseller is terminated: no attestation is sent to it."));
        var contact = contactId is { } cid ? reseller.Contacts.FirstOrDefault(c => c.Id == cid) : null;
        if (contactId is not null && contact is null) return new(Outcome.Invalid("notFound", "The contact no longer exists.", "contactId"));
        var template = await db.AttestationTemplates.Where(t => t.ApprovedAtUtc != null).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        if (template is null)
            return new(Outcome.Invalid("attestation.noTemplate", "No template version is approved yet: an Approver approves one on the templates page first.", ""));

        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var now = time.UtcNow;
        var token = AttestationTokens.New();
        var attestation = new Attestation(Guid.NewGuid(), reseller.Id, template, template.Render(pack), pack.Version, AttestationTokens.Hash(token),
            contact?.Email, await actor.NameAsync(), now, now.AddDays(pack.AttestationLinkDays));
        template.MarkSent(now);
        db.Attestations.Add(attestation);
        await RulePackService.RecordUseAsync(db, pack.Version, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.ConflictWith("The template changed at the same moment: send again."));
        }

        var link = $"{baseUri.TrimEnd('/')}/attest/{token}";
        var name = await db.Customers.Where(c => c.Id == reseller.CustomerId).Select(c => c.LegalName).FirstAsync(ct);
        string? mailed = null;
        if (contact is not null)
        {
            try
            {
                await mail.SendAsync(new OutgoingMail(contact.Email, $"Flow-down attestation for {name}: please read and sign",
                    $"Dear {contact.Name},\n\nAs a foreign reseller of our IaaS products, {name} is asked to sign the flow-down attestation " +
                    $"(template v{template.Number}). Open this link, read the text and sign it; no account is needed:\n\n{link}\n\n" +
                    $"The link can be used once and expires on {time.Format(attestation.LinkExpiresAtUtc)}.\n"), ct);
                mailed = contact.Email;
            }
            catch (Exception e) when (e is IOException or System.Net.Mail.SmtpException or InvalidOperationException)
            {
                logger.LogWarning(e, "The attestation link for reseller {ResellerId} could not be mailed.", reseller.Id);
            }
        }
        return new(Outcome.Success(attestation.Version, attestation.Id), link, mailed, attestation.LinkExpiresAtUtc);
    }

    public async Task<IReadOnlyList<AttestationView>> ForResellerAsync(Guid resellerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Attestations.AsNoTracking().Where(a => a.ResellerId == resellerId).ToListAsync(ct);
        var now = time.UtcNow;
        return [.. rows.OrderByDescending(a => a.SentAtUtc).Select(a => new AttestationView(a.Id, a.TemplateNumber, a.SentBy, a.SentAtUtc, a.SentTo,
            a.LinkExpiresAtUtc, a.StateAt(now), a.RevokedBy, a.RevokedAtUtc, a.SignerName, a.SignerTitle, a.SignerEmail, a.SignedAtUtc, a.SignerIp,
            a.TextSha256, a.SignedTextSha256, a.ValidUntil, a.Version))];
    }

    /// <summary>The renewal clock of the reseller's latest signed attestation; null when none is signed.</summary>
    public async Task<RenewalView?> RenewalAsync(Guid resellerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.Attestations.AsNoTracking().Where(a => a.ResellerId == resellerId && a.SignedAtUtc != null)
            .OrderByDescending(a => a.SignedAtUtc).FirstOrDefaultAsync(ct);
        if (latest?.ValidUntil is not { } until) return null;
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var clock = new Deadline(until, time.Zone);
        return new RenewalView(until, clock.DaysLeft(time.UtcNow), clock.State(time.UtcNow, pack.DueSoonDays), clock.Describe(time.UtcNow),
            [.. pack.AttestationReminderDays.OrderDescending().Select(d => new ReminderView(d, until.AddDays(-d), latest.Reminded.Contains(d)))],
            latest.IsExpired(time.Today));
    }

    /// <summary>
    /// The daily renewal run (issue 6 item 4): for each active or non-compliant reseller's latest signed attestation, mails the reminders
    /// that fell due (rule pack <c>attestationReminderDays</c> before expiry) to the reseller's contacts, and opens a non-compliance finding
    /// when it expired without a renewal. Safe to run repeatedly: each reminder and each expiry is handled once.
    /// </summary>
    public async Task<RenewalRun> RunRenewalsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var today = time.Today;
        var resellers = await ResellerService.Load(db).Where(r => r.Status == ResellerStatus.Active || r.Status == ResellerStatus.NonCompliant).ToListAsync(ct);
        var ids = resellers.Select(r => r.Id).ToList();
        var signed = (await db.Attestations.Where(a => ids.Contains(a.ResellerId) && a.SignedAtUtc != null).ToListAsync(ct))
            .GroupBy(a => a.ResellerId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.SignedAtUtc)!);
        var names = await db.Customers.Where(c => resellers.Select(r => r.CustomerId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LegalName, ct);
        var by = await actor.NameAsync();
        var mails = new List<OutgoingMail>();
        var (reminded, opened) = (0, 0);
        foreach (var r in resellers)
        {
            if (!signed.TryGetValue(r.Id, out var a)) continue;
            var name = names.GetValueOrDefault(r.CustomerId, "the reseller");
            var due = a.DueReminders(pack.AttestationReminderDays, today);
            if (due.Count > 0)
            {
                a.MarkReminded(due);
                reminded++;
                mails.AddRange(r.Contacts.Select(c => new OutgoingMail(c.Email, $"Flow-down attestation for {name} expires on {a.ValidUntil:yyyy-MM-dd}",
                    $"Dear {c.Name},\n\nThe flow-down attestation {name} signed on {time.Format(a.SignedAtUtc!.Value)} stays valid until {a.ValidUntil:yyyy-MM-dd}, " +
                    $"{a.ValidUntil!.Value.DayNumber - today.DayNumber} days from today. Your contact at the provider will send a new link to sign the renewal; without it the reseller " +
                    "relationship cannot continue.\n")));
            }
            if (a.IsExpired(today) && !a.ExpiryRecorded)
            {
                a.MarkExpiryRecorded();
                r.RecordFinding($"The flow-down attestation expired on {a.ValidUntil:yyyy-MM-dd} without a signed renewal.",
                    $"Attestation (template v{a.TemplateNumber}) signed by {a.SignerName} on {a.SignedAtUtc:yyyy-MM-dd}, valid until {a.ValidUntil:yyyy-MM-dd}; no later signature.",
                    a.ValidUntil!.Value.AddDays(1), pack.ResellerTerminationDays, pack.Version, by, time.UtcNow);
                opened++;
            }
        }
        if (reminded + opened == 0) return new(0, 0);
        if (opened > 0) await RulePackService.RecordUseAsync(db, pack.Version, time.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        foreach (var m in mails)
        {
            try
            {
                await mail.SendAsync(m, ct);
            }
            catch (Exception e) when (e is IOException or System.Net.Mail.SmtpException or InvalidOperationException)
            {
                logger.LogWarning(e, "A renewal reminder to {To} could not be mailed.", m.To);
            }
        }
        return new(reminded, opened);
    }

    /// <summary>A signed attestation of the reseller, for its certificate; null when unknown, of another reseller or not signed.</summary>
    public async Task<AttestationCertificate?> CertificateAsync(Guid resellerId, Guid attestationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Attestations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attestationId && x.ResellerId == resellerId, ct);
        if (a?.SignedAtUtc is not { } signedAt) return null;
        var customer = await (from r in db.Resellers
                              join c in db.Customers on r.CustomerId equals c.Id
                              where r.Id == resellerId
                              select new { c.LegalName, c.Country }).FirstAsync(ct);
        return new AttestationCertificate(customer.LegalName, customer.Country, a.TemplateNumber, a.RulePackVersion, a.Text, a.SignedTextSha256!,
            a.SentBy, a.SentAtUtc, a.SentTo, a.SignerName!, a.SignerTitle!, a.SignerEmail!, signedAt, a.SignerIp!, a.ValidUntil!.Value);
    }

    public async Task<Outcome> RevokeAsync(Guid attestationId, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Attestations.FirstOrDefaultAsync(x => x.Id == attestationId, ct);
        if (a is null) return Outcome.Invalid("notFound", "The attestation no longer exists.", "");
        if (a.Version != version) return Outcome.ConflictWith("The attestation changed since you opened it (signed, perhaps): reload.");
        try
        {
            a.Revoke(await actor.NameAsync(), time.UtcNow);
            await db.SaveChangesAsync(ct);
        }
        catch (InvalidStateTransition e)
        {
            return Outcome.RefusedBecause("state", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("The attestation was signed at the same moment: reload.");
        }
        return Outcome.Success(a.Version, a.Id);
    }

    /// <summary>The public page's view of a token: the text to sign, or a plain explanation (unknown, used, revoked, expired).</summary>
    public async Task<PublicAttestation> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (!AttestationTokens.LooksValid(token)) return new(null, null, null, AttestationTokens.Unknown);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = AttestationTokens.Hash(token!);
        var a = await db.Attestations.AsNoTracking().FirstOrDefaultAsync(x => x.TokenHash == hash, ct);
        if (a is null) return new(null, null, null, AttestationTokens.Unknown);
        var state = a.StateAt(time.UtcNow);
        if (state != AttestationState.Pending) return new(null, null, null, AttestationTokens.Explain(state));
        var name = await (from r in db.Resellers join c in db.Customers on r.CustomerId equals c.Id where r.Id == a.ResellerId select c.LegalName).FirstAsync(ct);
        return new(name, a.Text, a.TextSha256, null);
    }

    /// <summary>
    /// Records a signature through the link: full name, title, e-mail and the signatory's confirmation that they may sign, with UTC time,
    /// <paramref name="ip"/> (the request's remote address) and the SHA-256 of the text the page showed. The token works once.
    /// </summary>
    public async Task<Outcome> SignAsync(string? token, SignatureInput input, string ip, CancellationToken ct = default)
    {
        if (!AttestationTokens.LooksValid(token)) return Outcome.RefusedBecause("attestation.unknown", AttestationTokens.Unknown);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = AttestationTokens.Hash(token!);
        var a = await db.Attestations.FirstOrDefaultAsync(x => x.TokenHash == hash, ct);
        if (a is null) return Outcome.RefusedBecause("attestation.unknown", AttestationTokens.Unknown);
        var state = a.StateAt(time.UtcNow);
        if (state != AttestationState.Pending) return Outcome.RefusedBecause("attestation.closed", AttestationTokens.Explain(state));

        var f = new List<Finding>();
        var name = IntakeRules.Text(input.Name, "name", IntakeRules.NameMax, f, required: true, "Enter your full name.");
        var title = IntakeRules.Text(input.Title, "title", IntakeRules.ShortMax, f, required: true, "Enter your title, for example Managing Director.");
        var email = IntakeRules.Email(input.Email, f);
        if (!input.Authorised) f.Add(new("attestation.notAuthorised", "Confirm that you are authorised to sign for the reseller; if you are not, ask the person who is.", "authorised"));
        if (f.Count > 0) return Outcome.Invalid(f);

        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var now = time.UtcNow;
        try
        {
            a.Sign(name!, title!, email!, ip, input.ShownTextSha256 ?? "", now, Deadline.LocalDate(now, time.Zone).AddDays(pack.AttestationValidityDays));
            await db.SaveChangesAsync(ct);
        }
        catch (InvalidStateTransition e)
        {
            return Outcome.RefusedBecause("attestation.closed", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.RefusedBecause("attestation.closed", AttestationTokens.Explain(AttestationState.Signed));
        }
        return Outcome.Success(a.Version, a.Id);
    }

    /// <summary>Every version, newest first, each previewed with the active rule pack's numbers.</summary>
    public async Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var rows = await db.AttestationTemplates.AsNoTracking().OrderByDescending(t => t.Number).ToListAsync(ct);
        return [.. rows.Select(t => new TemplateView(t.Id, t.Number, t.Introduction, t.ClauseTexts, t.DraftedBy, t.DraftedAtUtc, t.ApprovedBy, t.ApprovedAtUtc,
            t.FirstSentAtUtc, t.Render(pack), t.Version))];
    }

    /// <summary>A new version, numbered after the last; it waits for an Approver.</summary>
    public async Task<Outcome> DraftAsync(TemplateInput input, CancellationToken ct = default)
    {
        var f = AttestationTemplate.Validate(input.Introduction, input.Clauses);
        if (f.Count > 0) return Outcome.Invalid(f);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = (await db.AttestationTemplates.MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
        var template = new AttestationTemplate(Guid.NewGuid(), number, input.Introduction!.Trim(), Trimmed(input), await actor.NameAsync(), time.UtcNow);
        db.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.ConflictWith("Another version was drafted at the same moment: save again to draft yours as the next version.");
        }
        return Outcome.Success(template.Version, template.Id);
    }

    public Task<Outcome> EditAsync(Guid id, Guid version, TemplateInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, async (t, by) =>
        {
            var f = AttestationTemplate.Validate(input.Introduction, input.Clauses);
            if (f.Count == 0) t.Edit(input.Introduction!.Trim(), Trimmed(input), by, time.UtcNow);
            return await Task.FromResult(f);
        }, ct);

    /// <summary>Four-eyes: an Approver who did not write the text.</summary>
    public Task<Outcome> ApproveAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MutateAsync(id, version, (t, by) =>
        {
            t.Approve(by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    private static Dictionary<string, string> Trimmed(TemplateInput input) =>
        AttestationTemplate.Clauses.ToDictionary(c => c.Key, c => input.Clauses.GetValueOrDefault(c.Key)?.Trim() ?? "");

    private async Task<Outcome> MutateAsync(Guid id, Guid version, Func<AttestationTemplate, string, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.AttestationTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return Outcome.Invalid("notFound", "The template version no longer exists.", "");
        if (template.Version != version)
            return Outcome.ConflictWith("Someone else changed this template version since you opened it. Reload to see their change.");
        if (await Outcome.ApplyAsync(async () => await change(template, await actor.NameAsync())) is { } refused) return refused;
        if (await Outcome.SaveAsync(db, "Someone else changed this template version at the same moment. Reload to see their change.", ct) is { } conflict) return conflict;
        return Outcome.Success(template.Version, template.Id);
    }
}
