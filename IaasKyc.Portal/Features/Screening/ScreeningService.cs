using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Screening;

/// <summary>Someone or something screened: the customer itself, or a node of its ownership structure.</summary>
public sealed record ScreeningSubject(ScreeningSubjectKind Kind, string Key, string Name, ListEntryType Type, string? Country, DateOnly? DateOfBirth)
{
    public const string CustomerKey = OwnershipGraph.CustomerKey;

    public ScreeningQuery Query => new(Name, Type, Country, DateOfBirth);
}

/// <summary>What one screening of a customer did.</summary>
public sealed record ScreeningSummary(int Subjects, int NewHits, int AlreadyOpen, int Suppressed, bool NoLists);

/// <summary>
/// Screening of subjects and review of hits (issue 5, items 3–4): customers and every person and entity of their
/// ownership structure are screened on submission, on request and whenever a list changes; a new hit opens a review item
/// that an Officer proposes to confirm or clear and an Approver other than the proposer decides. A cleared hit is
/// remembered for the (subject, entry) pair until the entry changes or <c>noMatchMemoryDays</c> pass.
/// </summary>
public sealed class ScreeningService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time, ScreeningIndexHolder holder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The subjects of a customer: itself and each node of its stored ownership structure.</summary>
    public static IReadOnlyList<ScreeningSubject> SubjectsOf(Customer c, OwnershipGraph? graph,
        IReadOnlyDictionary<string, (DateOnly? DateOfBirth, string? Country)>? profiles = null)
    {
        var subjects = new List<ScreeningSubject>
        {
            new(ScreeningSubjectKind.Customer, ScreeningSubject.CustomerKey, c.LegalName,
                c.Kind == CustomerKind.Individual ? ListEntryType.Individual : ListEntryType.Entity, c.Country,
                c.Kind == CustomerKind.Individual ? c.DateOfBirthOrIncorporation : null),
        };
        foreach (var n in graph?.Nodes ?? [])
        {
            // A beneficial owner's profile (issue 4) knows the date of birth and the country of residence better than the node.
            var p = profiles?.GetValueOrDefault(n.Key);
            subjects.Add(new(ScreeningSubjectKind.Owner, n.Key, n.Name,
                n.Kind == OwnerKind.Individual ? ListEntryType.Individual : ListEntryType.Entity, p?.Country ?? n.Country, p?.DateOfBirth));
        }
        return subjects;
    }

    /// <summary>
    /// Screens a customer and its ownership structure against the active snapshots, adding runs and new hits to
    /// <paramref name="db"/> without saving (the caller saves them with its own change, in one transaction). <paramref name="graph"/>
    /// is the ownership structure being saved, when it is not stored yet.
    /// </summary>
    public async Task<ScreeningSummary> ScreenIntoAsync(PortalDbContext db, Customer c, ScreeningTrigger trigger, string by, CancellationToken ct,
        OwnershipGraph? graph = null)
    {
        var state = holder.Current;
        if (graph is null && await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == c.Id, ct) is { } stored)
            graph = OwnershipJson.Read(stored);
        var profiles = (await db.OwnerProfiles.AsNoTracking().Where(p => p.CustomerId == c.Id)
                .Select(p => new { p.NodeKey, p.DateOfBirth, p.Country }).ToListAsync(ct))
            .ToDictionary(p => p.NodeKey, p => (p.DateOfBirth, p.Country), StringComparer.Ordinal);
        var subjects = SubjectsOf(c, graph, profiles);
        if (state.Snapshots.Count == 0) return new ScreeningSummary(subjects.Count, 0, 0, 0, NoLists: true);

        var now = time.UtcNow;
        var today = time.Today;
        var known = await db.ScreeningAlerts.Where(a => a.CustomerId == c.Id && a.Status != AlertStatus.Cleared)
            .Select(a => new { a.SubjectKey, a.Source, a.EntryId, a.EntryContentHash }).ToListAsync(ct);
        var remembered = await db.NoMatchMemories.Where(m => m.CustomerId == c.Id && m.ExpiresOn >= today)
            .Select(m => new { m.SubjectKey, m.Source, m.EntryId, m.EntryContentHash }).ToListAsync(ct);
        var snapshotsJson = JsonSerializer.Serialize(state.Snapshots, Json);

        int newHits = 0, open = 0, suppressed = 0;
        foreach (var subject in subjects)
        {
            var run = new ScreeningRun
            {
                Id = Guid.NewGuid(),
                CustomerId = c.Id,
                SubjectKind = subject.Kind,
                SubjectKey = subject.Key,
                SubjectName = subject.Name,
                SubjectCountry = subject.Country,
                SubjectType = subject.Type.Code(),
                Trigger = trigger,
                ScreenedAtUtc = now,
                ScreenedBy = by,
                SnapshotsJson = snapshotsJson,
                MatcherVersion = ScreeningIndex.MatcherVersion,
                Threshold = ScreeningIndex.DefaultThreshold,
            };
            foreach (var hit in state.Index.Search(subject.Query, ScreeningIndex.DefaultThreshold, limit: 10))
            {
                var source = hit.Entry.Source.Code();
                run.Hits++;
                if (known.Any(k => k.SubjectKey == subject.Key && k.Source == source && k.EntryId == hit.Entry.EntryId && k.EntryContentHash == hit.Entry.ContentHash))
                {
                    open++;
                    continue;
                }
                if (remembered.Any(m => m.SubjectKey == subject.Key && m.Source == source && m.EntryId == hit.Entry.EntryId && m.EntryContentHash == hit.Entry.ContentHash))
                {
                    run.Suppressed++;
                    suppressed++;
                    continue;
                }
                db.ScreeningAlerts.Add(NewAlert(run, hit, now));
                newHits++;
            }
            db.ScreeningRuns.Add(run);
        }
        if (newHits > 0)
            c.AddNote($"Screening ({Describe(trigger)}) raised {newHits} new hit{(newHits == 1 ? "" : "s")} to review.", by, now);
        return new ScreeningSummary(subjects.Count, newHits, open, suppressed, NoLists: false);
    }

    /// <summary>Screens one customer now (a button on its page, and the re-screening batch) and saves the result.</summary>
    public async Task<(Outcome Outcome, ScreeningSummary? Summary)> ScreenAsync(Guid customerId, ScreeningTrigger trigger, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return (Outcome.Invalid("notFound", "The customer no longer exists.", ""), null);
        var summary = await ScreenIntoAsync(db, customer, trigger, await actor.NameAsync(), ct);
        if (summary.NoLists) return (Outcome.Invalid("screening.noLists", "No screening list has been imported yet: an Admin imports them under Lists.", ""), summary);
        await CustomerService.RecomputeRiskAsync(db, customer, time.Today, ct);
        if (await Outcome.SaveAsync(db, "Someone else changed this customer at the same moment; screen again.", ct) is { } conflict) return (conflict, null);
        return (Outcome.Success(customer.Version, customer.Id), summary);
    }

    /// <summary>An Officer (or Approver) proposes "match" or "no match" with a comment.</summary>
    public Task<Outcome> ProposeAsync(Guid alertId, Guid version, AlertDecision? decision, string? comment, CancellationToken ct = default) =>
        MutateAsync(alertId, version, (a, _, by, now) =>
        {
            var f = new List<Finding>();
            if (decision is null) f.Add(new("decision.required", "Choose match or no match.", "decision"));
            var text = IntakeRules.Text(comment, "comment", 2000, f, required: true, "Say why: what you compared and what you found.");
            if (!a.IsOpen) throw new InvalidStateTransition("This hit has been decided already.");
            if (f.Count > 0) return Task.FromResult(f);
            a.Status = AlertStatus.Proposed;
            a.Proposed = decision;
            a.ProposedBy = by;
            a.ProposedAtUtc = now;
            a.ProposalComment = text;
            return Task.FromResult(f);
        }, ct);

    /// <summary>
    /// An Approver other than the proposer agrees (the hit becomes a confirmed match or is cleared) or sends it back
    /// (<paramref name="agree"/> false: open again with the comment).
    /// </summary>
    public Task<Outcome> DecideAsync(Guid alertId, Guid version, bool agree, string? comment, CancellationToken ct = default) =>
        MutateAsync(alertId, version, async (a, db, by, now) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(comment, "comment", 2000, f, required: !agree, "Say why the proposal goes back.");
            if (a.Status != AlertStatus.Proposed) throw new InvalidStateTransition("Only a proposed hit can be decided.");
            if (string.Equals(a.ProposedBy, by, StringComparison.Ordinal))
                throw new FourEyesViolation("You proposed this decision: another Approver must decide it (four-eyes rule).");
            if (f.Count > 0) return f;

            a.DecidedBy = by;
            a.DecidedAtUtc = now;
            a.DecisionComment = text;
            var customer = await CustomerService.Load(db).FirstAsync(c => c.Id == a.CustomerId, ct);
            if (!agree)
            {
                a.Status = AlertStatus.Open;
                customer.AddNote($"Screening hit on {a.SubjectName} ({a.EntryName}, {a.Source}) sent back for review: {text}", by, now);
            }
            else if (a.Proposed == AlertDecision.NoMatch)
            {
                a.Status = AlertStatus.Cleared;
                var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
                db.NoMatchMemories.Add(new NoMatchMemory
                {
                    Id = Guid.NewGuid(),
                    CustomerId = a.CustomerId,
                    SubjectKey = a.SubjectKey,
                    Source = a.Source,
                    EntryId = a.EntryId,
                    EntryContentHash = a.EntryContentHash,
                    AlertId = a.Id,
                    DecidedAtUtc = now,
                    ExpiresOn = time.Today.AddDays(pack.NoMatchMemoryDays),
                });
                customer.AddNote($"Screening hit on {a.SubjectName} ({a.EntryName}, {a.Source}) cleared as no match.", by, now);
            }
            else
            {
                a.Status = AlertStatus.ConfirmedMatch;
                // Issue 4 item 5: a confirmed match on an owner sets its "confirmed blocked" flag for the OFAC 50 % rule.
                if (a.SubjectKind == ScreeningSubjectKind.Owner && await db.OwnershipStructures.FirstOrDefaultAsync(o => o.CustomerId == a.CustomerId, ct) is { } structure)
                {
                    OwnershipService.ApplyConfirmedBlocked(structure, customer, a.SubjectKey, blocked: true,
                        $"confirmed screening match with {a.EntryName}, {a.Source} {a.EntryId}", by, now, await RulePackService.ActiveAsync(db, time.Today, ct));
                }
                customer.AddNote($"Screening hit on {a.SubjectName} confirmed as a match with {a.EntryName} ({a.Source} {a.EntryId}).", by, now);
            }
            await CustomerService.RecomputeRiskAsync(db, customer, time.Today, ct);
            return f;
        }, ct);

    /// <summary>Loads the hit, checks the version the user saw, applies, saves; refusals become outcomes.</summary>
    private async Task<Outcome> MutateAsync(Guid alertId, Guid version, Func<ScreeningAlert, PortalDbContext, string, DateTime, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.ScreeningAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return Outcome.Invalid("notFound", "The hit no longer exists.", "");
        if (alert.Version != version)
            return Outcome.ConflictWith("Someone else acted on this hit since you opened it. Reload to see what they did; your input is kept.");
        if (await Outcome.ApplyAsync(async () => await change(alert, db, await actor.NameAsync(), time.UtcNow)) is { } refused) return refused;
        if (await Outcome.SaveAsync(db, "Someone else acted on this hit or its customer at the same moment. Reload; your input is kept.", ct) is { } conflict)
            return conflict;
        return Outcome.Success(alert.Version, alert.Id);
    }

    private static ScreeningAlert NewAlert(ScreeningRun run, ScreeningHit hit, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        RunId = run.Id,
        CustomerId = run.CustomerId,
        SubjectKind = run.SubjectKind,
        SubjectKey = run.SubjectKey,
        SubjectName = run.SubjectName,
        Source = hit.Entry.Source.Code(),
        EntryId = hit.Entry.EntryId,
        EntryName = Clip(hit.Entry.Name, 400),
        EntryType = hit.Entry.Type.Code(),
        Programs = Clip(string.Join(", ", hit.Entry.Programs), 400),
        MatchedName = Clip(hit.MatchedName, 400),
        ThroughAlias = hit.ThroughAlias,
        Score = Math.Round(hit.Score, 4),
        Explanation = hit.Explanation.Text,
        EntryContentHash = hit.Entry.ContentHash,
        Status = AlertStatus.Open,
        OpenedAtUtc = now,
    };

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public static string Describe(ScreeningTrigger trigger) => trigger switch
    {
        ScreeningTrigger.Submission => "on submission",
        ScreeningTrigger.ListChange => "after a list change",
        ScreeningTrigger.OwnershipChange => "after an ownership change",
        _ => "on request",
    };
}
