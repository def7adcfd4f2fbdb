using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Resellers;

public sealed record CipRequestInput(string? Reference, string? ReceivedOn, bool ProviderCip, IReadOnlyCollection<Guid> ResellerIds);

public sealed record CipRequestView(Guid Id, string Reference, DateOnly ReceivedOn, bool IncludesProviderCip, IReadOnlyList<string> Resellers,
    DateOnly DueDate, int DaysLeft, DeadlineState Deadline, string DeadlineText, IReadOnlyList<CipFileView> Documents, DateOnly? SentOn, string? SentBy,
    bool SentLate, string RecordedBy, Guid Version)
{
    public bool Overdue => SentOn is null && Deadline == DeadlineState.Overdue;
}

/// <summary>
/// Requests from the Department for copies of CIPs (proposed § 7.301): the provider's own and/or named resellers', due within the rule
/// pack's <c>cipProductionDays</c> of receipt; the documents produced are kept and the request is marked sent.
/// </summary>
public sealed class CipRequestService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public async Task<IReadOnlyList<CipRequestView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var requests = await db.CipProductionRequests.AsNoTracking().Include(r => r.Documents).ToListAsync(ct);
        var names = await (from r in db.Resellers join c in db.Customers on r.CustomerId equals c.Id select new { r.Id, c.LegalName }).ToDictionaryAsync(x => x.Id, x => x.LegalName, ct);
        return [.. requests.Select(r =>
        {
            var clock = r.Clock(time.Zone);
            return new CipRequestView(r.Id, r.Reference, r.ReceivedOn, r.IncludesProviderCip, [.. r.Resellers.Select(id => names.GetValueOrDefault(id, "(removed reseller)"))],
                clock.DueDate, clock.DaysLeft(time.UtcNow), clock.State(time.UtcNow, pack.DueSoonDays), clock.Describe(time.UtcNow),
                [.. r.Documents.OrderBy(d => d.AttachedAtUtc).Select(d => new CipFileView(d.Id, 0, d.FileName, d.Sha256, d.AttachedBy, d.AttachedAtUtc))],
                r.SentOn, r.SentBy, r.SentLate, r.RecordedBy, r.Version);
        }).OrderBy(v => v.SentOn is not null).ThenBy(v => v.DueDate)];
    }

    public async Task<Outcome> RecordAsync(CipRequestInput input, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var reference = IntakeRules.Text(input.Reference, "reference", ResellerRules.ReferenceMax, f, required: true, "Enter the Department's reference for the request.");
        var received = ResellerRules.PastDate(input.ReceivedOn, "receivedOn", time.Today, f, "Enter the day the request was received: the clock starts then.");
        if (!input.ProviderCip && input.ResellerIds.Count == 0)
            f.Add(new("cipRequest.scope", "Say what is requested: the provider's CIP, one or more resellers' CIPs, or both.", "resellerIds"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = input.ResellerIds.ToList();
        if (ids.Count > 0 && await db.Resellers.CountAsync(r => ids.Contains(r.Id), ct) != ids.Distinct().Count())
            f.Add(new("notFound", "A chosen reseller no longer exists.", "resellerIds"));
        if (f.Count > 0) return Outcome.Invalid(f);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var request = new CipProductionRequest(Guid.NewGuid(), reference!, received!.Value, input.ProviderCip, ids, pack.CipProductionDays, pack.Version,
            await actor.NameAsync(), time.UtcNow);
        db.CipProductionRequests.Add(request);
        await RulePackService.RecordUseAsync(db, pack.Version, time.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(request.Version, request.Id);
    }

    public Task<Outcome> AttachAsync(Guid id, Guid version, StoredUpload upload, CancellationToken ct = default) =>
        MutateAsync(id, version, async (r, by) =>
        {
            r.Attach(upload.Id, upload.OriginalName, upload.Sha256, by, time.UtcNow);
            return await Task.FromResult(new List<Finding>());
        }, ct);

    public Task<Outcome> MarkSentAsync(Guid id, Guid version, string? sentOn, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, by) =>
        {
            var f = new List<Finding>();
            var day = ResellerRules.PastDate(sentOn, "sentOn", time.Today, f, "Enter the day the documents were sent.");
            if (day is { } d && d < r.ReceivedOn) f.Add(new("date.beforeReceived", "The documents cannot have been sent before the request was received.", "sentOn"));
            if (f.Count == 0) r.MarkSent(day!.Value, by);
            return Task.FromResult(f);
        }, ct);

    private async Task<Outcome> MutateAsync(Guid id, Guid version, Func<CipProductionRequest, string, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.CipProductionRequests.Include(r => r.Documents).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Outcome.Invalid("notFound", "The request no longer exists.", "");
        if (request.Version != version) return Outcome.ConflictWith("Someone else changed this request since you opened it. Reload to see their change.");
        List<Finding> findings;
        try
        {
            findings = await change(request, await actor.NameAsync());
        }
        catch (InvalidStateTransition e)
        {
            return Outcome.RefusedBecause("state", e.Message);
        }
        if (findings.Count > 0) return Outcome.Invalid(findings);
        db.Entry(request).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this request at the same moment. Reload to see their change.");
        }
        return Outcome.Success(request.Version, request.Id);
    }
}
