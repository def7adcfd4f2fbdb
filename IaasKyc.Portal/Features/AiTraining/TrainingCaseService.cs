using IaasKyc.Domain;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.AiTraining;

/// <summary>A foreign customer a case can name, with its account references.</summary>
public sealed record CaseCustomer(Guid Id, string Name, IReadOnlyList<string> Accounts);

/// <summary>A foreign reseller a case can name, with the end customers it reported (through their accounts).</summary>
public sealed record CaseReseller(Guid Id, string Name, IReadOnlyList<Guid> EndCustomerIds, IReadOnlyList<string> EndAccounts);

/// <summary>A report version as the case page lists it.</summary>
public sealed record VersionRow(int Number, string PreparedBy, DateTime PreparedAtUtc, string? ApprovedBy, DateTime? ApprovedAtUtc, string RulePackVersion, bool Filed);

/// <summary>A linked case: the earlier filed one, or a follow-up.</summary>
public sealed record CaseLink(Guid Id, CaseState State, DateTime KnowledgeAtUtc);

/// <summary>One case with every step taken so far, its draft, its versions, links and signals.</summary>
public sealed record CaseDetail(CaseRow Row, string OpenedBy, DateTime OpenedAtUtc, string RulePackVersion, string? DraftBy, string? ApprovedBy,
    DateOnly? FiledOn, string? FilingReference, string? CloseReason, string? CloseProposedBy, string? ClosedBy,
    string? Reseller, ReportNarrative Narrative, string? NarrativeBy, ReportContent Draft, IReadOnlyList<VersionRow> Versions,
    CaseLink? FollowUpOf, IReadOnlyList<CaseLink> FollowUps, bool ModuleEnabled);

public sealed record OpenCaseInput(Guid CustomerId, IReadOnlyList<string> AccountReferences, CaseTrigger Trigger, DateTime? KnowledgeAtUtc, Guid? ResellerId = null);

/// <summary>A case as lists show it, with its countdown (on time, due soon, overdue) while the clock runs.</summary>
public sealed record CaseRow(Guid Id, Guid CustomerId, string CustomerName, string Accounts, CaseTrigger Trigger, CaseState State,
    DateTime KnowledgeAtUtc, DateOnly DueDate, DeadlineState? Countdown, string? CountdownText, Guid Version);

/// <summary>AI-training report cases (issue 7 item 1; proposed § 7.308): opening with the 15-day clock and the four-eyes steps.</summary>
public sealed class TrainingCaseService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public async Task<Outcome> OpenAsync(OpenCaseInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        // Issue 7 item 4: with the module off no new case opens; existing ones stay readable.
        if (!rules.AiModuleEnabled) return Outcome.RefusedBecause("module.off", "The AI-training module is switched off in the rule pack: no new case opens.");

        var f = new List<Finding>();
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CustomerId, ct);
        if (customer is null) f.Add(new("customer.unknown", "Choose a customer of the portal.", "customerId"));
        else if (customer.UsPerson == true) f.Add(new("customer.usPerson", "Reports concern foreign persons; this customer is determined a U.S. person.", "customerId"));
        var references = input.AccountReferences.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (references.Count == 0) f.Add(new("accounts.required", "Name at least one of the customer's accounts.", "accounts"));
        else if (customer is not null)
        {
            var known = await db.Accounts.AsNoTracking().Where(a => a.CustomerId == customer.Id).Select(a => a.Reference).ToListAsync(ct);
            foreach (var missing in references.Where(r => !known.Contains(r)))
                f.Add(new("accounts.unknown", $"{missing} is not an account of this customer.", "accounts"));
        }
        if (input.KnowledgeAtUtc is not { } knowledge) f.Add(new("knowledge.required", "Give the date the provider learned of the transaction.", "knowledgeAt"));
        else if (knowledge > time.UtcNow) f.Add(new("knowledge.future", "The date of knowledge cannot be in the future.", "knowledgeAt"));
        if (input.ResellerId is { } resellerId && customer is not null && references.Count > 0)
        {
            // An end customer reported through a reseller: every account named must be one the reseller declared as its end customer's.
            var endAccounts = await db.ResellerEndAccounts.AsNoTracking().Where(e => e.ResellerId == resellerId)
                .Join(db.Accounts, e => e.AccountId, a => a.Id, (e, a) => a.Reference).ToListAsync(ct);
            if (!await db.Resellers.AnyAsync(r => r.Id == resellerId, ct)) f.Add(new("reseller.unknown", "Choose a reseller of the portal.", "resellerId"));
            else if (references.Any(r => !endAccounts.Contains(r)))
                f.Add(new("reseller.accounts", "The reseller has not reported these accounts as its end customer's.", "resellerId"));
        }
        if (f.Count > 0) return Outcome.Invalid(f);

        var c = new TrainingCase(Guid.NewGuid(), customer!.Id, string.Join(", ", references), input.Trigger,
            DateTime.SpecifyKind(input.KnowledgeAtUtc!.Value, DateTimeKind.Utc), rules, time.Zone, await actor.NameAsync(), time.UtcNow, input.ResellerId);
        db.TrainingCases.Add(c);
        await RulePackService.RecordUseAsync(db, rules.Version, time.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(c.Version, c.Id);
    }

    public async Task<IReadOnlyList<CaseRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        var rows = await db.TrainingCases.AsNoTracking()
            .Join(db.Customers, c => c.CustomerId, p => p.Id, (c, p) => new { Case = c, p.LegalName })
            .ToListAsync(ct);
        return [.. rows.Select(r => Row(r.Case, r.LegalName, rules)).OrderBy(r => r.DueDate).ThenBy(r => r.CustomerName, StringComparer.Ordinal)];
    }

    /// <summary>Whether the active rule pack has the AI-training module on (issue 7 item 4).</summary>
    public async Task<bool> ModuleEnabledAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RulePackService.ActiveAsync(db, time.Today, ct)).AiModuleEnabled;
    }

    /// <summary>The UTC instant a local calendar day of the provider begins: a date of knowledge given as a day.</summary>
    public DateTime StartOfLocalDay(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), time.Zone);

    public async Task<CaseDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.TrainingCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var name = await db.Customers.Where(p => p.Id == c.CustomerId).Select(p => p.LegalName).FirstAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.CaseId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var followUpOf = c.FollowUpOfId is { } earlier
            ? await db.TrainingCases.AsNoTracking().Where(x => x.Id == earlier).Select(x => new CaseLink(x.Id, x.State, x.KnowledgeAtUtc)).FirstOrDefaultAsync(ct)
            : null;
        var followUps = await db.TrainingCases.AsNoTracking().Where(x => x.FollowUpOfId == id).Select(x => new CaseLink(x.Id, x.State, x.KnowledgeAtUtc)).ToListAsync(ct);
        return new(Row(c, name, rules), c.OpenedBy, c.OpenedAtUtc, c.RulePackVersion, c.DraftBy, c.ApprovedBy, c.FiledOn, c.FilingReference,
            c.CloseReason, c.CloseProposedBy, c.ClosedBy, await ReportContent.ResellerNameAsync(db, c.ResellerId, ct), c.Narrative, c.NarrativeBy,
            await ReportContent.BuildAsync(db, c, rules, time.Today, ct),
            [.. versions.Select(v => new VersionRow(v.Number, v.PreparedBy, v.PreparedAtUtc, v.ApprovedBy, v.ApprovedAtUtc, v.RulePackVersion, c.FiledVersion == v.Number))],
            followUpOf, [.. followUps.OrderBy(x => x.KnowledgeAtUtc)], rules.AiModuleEnabled);
    }

    /// <summary>A stored report version with its case's filing; null when the case or the version does not exist.</summary>
    public async Task<(ReportVersion Version, ReportContent Content, CaseDetail Case)?> VersionAsync(Guid id, int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.ReportVersions.AsNoTracking().FirstOrDefaultAsync(v => v.CaseId == id && v.Number == number, ct);
        if (version is null || await GetAsync(id, ct) is not { } detail) return null;
        return (version, ReportContent.FromJson(version.ContentJson), detail);
    }

    /// <summary>Foreign resellers with the customers whose accounts they reported as end customers' (a case may come through them).</summary>
    public async Task<IReadOnlyList<CaseReseller>> ResellersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resellers = await db.Resellers.AsNoTracking().Join(db.Customers, r => r.CustomerId, p => p.Id, (r, p) => new { r.Id, p.LegalName }).ToListAsync(ct);
        var ends = await db.ResellerEndAccounts.AsNoTracking().Join(db.Accounts, e => e.AccountId, a => a.Id, (e, a) => new { e.ResellerId, a.CustomerId, a.Reference }).ToListAsync(ct);
        return [.. resellers.OrderBy(r => r.LegalName, StringComparer.Ordinal)
            .Select(r => new CaseReseller(r.Id, r.LegalName, [.. ends.Where(e => e.ResellerId == r.Id).Select(e => e.CustomerId).Distinct()],
                [.. ends.Where(e => e.ResellerId == r.Id).Select(e => e.Reference).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Saves the narrative sections (issue 7 item 3); a change after "draft ready" or approval reopens the draft.</summary>
    public async Task<Outcome> SaveNarrativeAsync(Guid id, Guid version, ReportNarrative narrative, CancellationToken ct = default)
    {
        var n = Tidy(narrative);
        var f = ReportRules.Validate(n);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (n.HasRunFigures)
        {
            var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
            var accelerator = n.Accelerator is null ? null : await db.Accelerators.AsNoTracking().FirstOrDefaultAsync(a => a.NameKey == Accelerator.Key(n.Accelerator), ct);
            f.AddRange(ComputeEstimator.Estimate(new AcceleratorRunInput(accelerator, n.AcceleratorCount, n.Hours, n.Utilization, n.NetworkGbps, n.BiologicalData), rules).Findings);
        }
        if (f.Count > 0) return Outcome.Invalid(f);
        return await ChangeAsync(db, id, version, (c, by) =>
        {
            c.EditNarrative(n, by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);
    }

    /// <summary>
    /// Proposed § 7.308, a change to an existing arrangement: on a filed case, opens a linked follow-up case with the same
    /// customer, accounts, reseller and draft, due 15 days after the change became known.
    /// </summary>
    public async Task<Outcome> FollowUpAsync(Guid id, DateTime? knowledgeAtUtc, CancellationToken ct = default)
    {
        if (knowledgeAtUtc is not { } knowledge) return Outcome.Invalid("knowledge.required", "Give the date the provider learned of the change.", "followUpKnowledgeAt");
        if (knowledge > time.UtcNow) return Outcome.Invalid("knowledge.future", "The date of knowledge cannot be in the future.", "followUpKnowledgeAt");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        if (!rules.AiModuleEnabled) return Outcome.RefusedBecause("module.off", "The AI-training module is switched off in the rule pack: no new case opens.");
        var filed = await db.TrainingCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (filed is null) return Outcome.Invalid("notFound", "The case no longer exists.", "");
        TrainingCase followUp;
        try
        {
            followUp = filed.FollowUp(Guid.NewGuid(), DateTime.SpecifyKind(knowledge, DateTimeKind.Utc), rules, time.Zone, await actor.NameAsync(), time.UtcNow);
        }
        catch (InvalidStateTransition e)
        {
            return Outcome.RefusedBecause("state", e.Message);
        }
        db.TrainingCases.Add(followUp);
        await RulePackService.RecordUseAsync(db, rules.Version, time.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(followUp.Version, followUp.Id);
    }

    private static ReportNarrative Tidy(ReportNarrative n) => n with
    {
        Cluster = Blank(n.Cluster),
        Accelerator = Blank(n.Accelerator),
        IntendedUse = Blank(n.IntendedUse),
        CyberCapability = Blank(n.CyberCapability),
        HowLearned = Blank(n.HowLearned),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Customers not determined U.S. persons, with their accounts: those a case may name.</summary>
    public async Task<IReadOnlyList<CaseCustomer>> ForeignCustomersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customers = await db.Customers.AsNoTracking().Where(c => c.UsPerson != true).Select(c => new { c.Id, c.LegalName }).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Select(a => new { a.CustomerId, a.Reference }).ToListAsync(ct);
        return [.. customers.OrderBy(c => c.LegalName, StringComparer.Ordinal)
            .Select(c => new CaseCustomer(c.Id, c.LegalName, [.. accounts.Where(a => a.CustomerId == c.Id).Select(a => a.Reference).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Marks the draft ready: the content as it stands now (CIP data, run, arithmetic, signals) is frozen as the next version.</summary>
    public async Task<Outcome> MarkDraftReadyAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, id, version, async (c, by) =>
        {
            var f = ReportRules.ReadyForApproval(c.Narrative);
            if (f.Count > 0) return f;
            var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
            var content = await ReportContent.BuildAsync(db, c, rules, time.Today, ct);
            db.ReportVersions.Add(c.MarkDraftReady(by, time.UtcNow, content.ToJson(), rules.Version));
            return [];
        }, ct);
    }

    public async Task<Outcome> ApproveAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, id, version, async (c, by) =>
        {
            var latest = await db.ReportVersions.FirstOrDefaultAsync(v => v.CaseId == id && v.Number == c.LatestVersion, ct)
                ?? throw new InvalidStateTransition("This case has no report version to approve.");
            c.Approve(by, time.UtcNow, latest);
            return [];
        }, ct);
    }

    public async Task<Outcome> FileAsync(Guid id, Guid version, DateOnly? filedOn, string? reference, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(reference, "reference", 100, f, required: true, "Give the Department's reference for the filing.");
        if (filedOn is null) f.Add(new("filedOn.required", "Give the date the report was filed.", "filedOn"));
        else if (filedOn > time.Today) f.Add(new("filedOn.future", "The filing date cannot be in the future.", "filedOn"));
        if (f.Count > 0) return Outcome.Invalid(f);
        return await ChangeAsync(id, version, (c, by) => c.File(filedOn!.Value, text!, by, time.Today), ct);
    }

    public async Task<Outcome> ProposeCloseAsync(Guid id, Guid version, string? reason, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(reason, "reason", 2000, f, required: true, "Say why the case is not reportable.");
        if (f.Count > 0) return Outcome.Invalid(f);
        return await ChangeAsync(id, version, (c, by) => c.ProposeClose(text!, by), ct);
    }

    public Task<Outcome> AgreeCloseAsync(Guid id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (c, by) => c.AgreeClose(by, time.UtcNow), ct);

    private async Task<Outcome> ChangeAsync(Guid id, Guid version, Action<TrainingCase, string> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, id, version, (c, by) =>
        {
            change(c, by);
            return Task.FromResult(new List<Finding>());
        }, ct);
    }

    private async Task<Outcome> ChangeAsync(PortalDbContext db, Guid id, Guid version, Func<TrainingCase, string, Task<List<Finding>>> change, CancellationToken ct)
    {
        const string conflict = "Someone else changed this case: reload it.";
        var c = await db.TrainingCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome.Invalid("notFound", "The case no longer exists.", "");
        if (c.Version != version) return Outcome.ConflictWith(conflict);
        var by = await actor.NameAsync();
        return await Outcome.ApplyAsync(() => change(c, by)) ?? await Outcome.SaveAsync(db, conflict, ct) ?? Outcome.Success(c.Version, c.Id);
    }

    private CaseRow Row(TrainingCase c, string customerName, RulePack rules)
    {
        var deadline = c.Deadline(time.Zone);
        return new(c.Id, c.CustomerId, customerName, c.AccountReferences, c.Trigger, c.State, c.KnowledgeAtUtc, c.DueDate,
            c.ClockRunning ? deadline.State(time.UtcNow, rules.DueSoonDays) : null,
            c.ClockRunning ? deadline.Describe(time.UtcNow) : null, c.Version);
    }
}
