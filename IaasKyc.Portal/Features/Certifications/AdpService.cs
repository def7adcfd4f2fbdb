using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Certifications;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Certifications;

public sealed record AdpRow(Guid Id, string Scope, AdpState State, string PreparedBy, DateTime? SignedAtUtc, DateOnly? GrantedOn);

public sealed record AdpEvidenceView(Guid Id, AdpFactor Factor, string Description, string FileName, string Sha256, string AddedBy, DateTime AddedAtUtc);

public sealed record AdpDetail(Guid Id, string Scope, AdpState State, IReadOnlyDictionary<AdpFactor, string?> Narratives, AdpFigures Figures,
    IReadOnlyList<AdpEvidenceView> Evidence, string CreatedBy, string PreparedBy, DateTime PreparedAtUtc, string? SignedBy, string? SignerName,
    string? SignerTitle, DateTime? SignedAtUtc, DateOnly? GrantedOn, string? DecisionReference, string? GrantedScope, string? GrantRecordedBy, Guid Version);

/// <summary>A granted exemption as the register lists it.</summary>
public sealed record AdpRegisterEntry(Guid Id, string GrantedScope, DateOnly GrantedOn, string DecisionReference, string Duty);

/// <summary>
/// ADP exemption applications (issue 8 item 5; proposed § 7.304): drafted by factor with evidence and figures from the data, signed by an
/// Approver other than the preparer, and, once granted, kept in the register.
/// </summary>
public sealed class AdpService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string Conflict = "Someone else changed this application: reload it.";

    public async Task<IReadOnlyList<AdpRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AdpApplications.AsNoTracking()
            .Select(a => new AdpRow(a.Id, a.Scope, a.State, a.PreparedBy, a.SignedAtUtc, a.GrantedOn)).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.GrantedOn).ThenByDescending(r => r.SignedAtUtc)];
    }

    /// <summary>The register of granted exemptions, with their scope and the duty that comes with them.</summary>
    public async Task<IReadOnlyList<AdpRegisterEntry>> RegisterAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var granted = await db.AdpApplications.AsNoTracking().Where(a => a.State == AdpState.Granted)
            .Select(a => new { a.Id, a.GrantedScope, a.GrantedOn, a.DecisionReference }).ToListAsync(ct);
        return [.. granted.OrderByDescending(a => a.GrantedOn).Select(a => new AdpRegisterEntry(a.Id, a.GrantedScope!, a.GrantedOn!.Value, a.DecisionReference!, AdpText.NotifyDuty))];
    }

    public async Task<AdpDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.AdpApplications.AsNoTracking().Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        return new(a.Id, a.Scope, a.State, Enum.GetValues<AdpFactor>().ToDictionary(f => f, a.Narrative),
            JsonSerializer.Deserialize<AdpFigures>(a.FiguresJson, Json)!,
            [.. a.Evidence.OrderBy(e => e.AddedAtUtc).Select(e => new AdpEvidenceView(e.Id, e.Factor, e.Description, e.FileName, e.Sha256, e.AddedBy, e.AddedAtUtc))],
            a.CreatedBy, a.PreparedBy, a.PreparedAtUtc, a.SignedBy, a.SignerName, a.SignerTitle, a.SignedAtUtc, a.GrantedOn, a.DecisionReference,
            a.GrantedScope, a.GrantRecordedBy, a.Version);
    }

    /// <summary>The figures, each a count in the database: reseller oversight, screening review, verification, reports.</summary>
    public async Task<AdpFigures> FiguresAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        var yearAgo = time.UtcNow.AddYears(-1);
        var yearAgoDay = today.AddYears(-1);
        var open = db.Customers.Where(c => c.Status != CustomerStatus.Draft && c.Status != CustomerStatus.Rejected && c.Status != CustomerStatus.Closed);
        var active = db.Resellers.Where(r => r.Status == ResellerStatus.Active || r.Status == ResellerStatus.NonCompliant);
        return new AdpFigures(time.UtcNow,
            await open.CountAsync(ct),
            await open.CountAsync(c => c.UsPerson == false, ct),
            await open.CountAsync(c => c.UsPerson == false && c.Status == CustomerStatus.Verified, ct),
            await db.ScreeningAlerts.CountAsync(h => h.DecidedAtUtc >= yearAgo, ct),
            await db.ScreeningAlerts.CountAsync(h => h.Status == AlertStatus.Open || h.Status == AlertStatus.Proposed, ct),
            await db.ScreeningAlerts.CountAsync(h => h.Status == AlertStatus.ConfirmedMatch, ct),
            await db.TrainingCases.CountAsync(c => c.State == Domain.AiTraining.CaseState.Filed && c.FiledOn >= yearAgoDay, ct),
            await active.CountAsync(ct),
            await active.CountAsync(r => db.Attestations.Any(x => x.ResellerId == r.Id && x.SignedAtUtc != null && x.ValidUntil >= today), ct),
            await db.Resellers.CountAsync(r => r.EndDate >= yearAgoDay, ct),
            await db.Set<NonComplianceFinding>().CountAsync(f => f.ClosedAtUtc == null, ct));
    }

    public async Task<Outcome> CreateAsync(string? scope, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(scope, "scope", 1000, f, required: true, "Say what the exemption is asked for: the provider as a whole or a class of accounts.");
        if (f.Count > 0) return Outcome.Invalid(f);
        var a = new AdpApplication(Guid.NewGuid(), text!, JsonSerializer.Serialize(await FiguresAsync(ct), Json), await actor.NameAsync(), time.UtcNow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AdpApplications.Add(a);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(a.Version, a.Id);
    }

    public Task<Outcome> WriteAsync(Guid id, Guid version, string? scope, IReadOnlyDictionary<AdpFactor, string?> narratives, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(scope, "scope", 1000, f, required: true, "Say what the exemption is asked for.");
        foreach (var (factor, narrative) in narratives) IntakeRules.Text(narrative, AdpText.Field(factor), 8000, f);
        if (f.Count > 0) return Task.FromResult(Outcome.Invalid(f));
        return ChangeAsync(id, version, (a, by) => { a.Write(text!, narratives, by, time.UtcNow); return Task.FromResult(new List<Finding>()); }, ct);
    }

    public Task<Outcome> RecomputeAsync(Guid id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, async (a, by) => { a.Recompute(JsonSerializer.Serialize(await FiguresAsync(ct), Json), by, time.UtcNow); return []; }, ct);

    /// <summary>Attaches an upload the caller stored after checking its content (PDF, PNG or JPEG, ≤ 10 MB).</summary>
    public Task<Outcome> AddEvidenceAsync(Guid id, Guid version, AdpFactor factor, string? description, StoredUpload upload, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(description, "description", 500, f, required: true, "Say what the document shows.");
        if (f.Count > 0) return Task.FromResult(Outcome.Invalid(f));
        return ChangeAsync(id, version, (a, by) =>
        {
            a.AddEvidence(new AdpEvidence(Guid.NewGuid(), a.Id, factor, text!, upload.OriginalName, upload.Id, upload.Sha256, by, time.UtcNow), by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);
    }

    public Task<Outcome> SignAsync(Guid id, Guid version, string? signerName, string? signerTitle, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var name = IntakeRules.Text(signerName, "signerName", 200, f);
        var title = IntakeRules.Text(signerTitle, "signerTitle", 200, f);
        if (f.Count > 0) return Task.FromResult(Outcome.Invalid(f));
        return ChangeAsync(id, version, (a, by) =>
        {
            Signature.RequireOtherThanPreparer(by, a.PreparedBy, "application");
            var blockers = a.SignBlockers(name, title).ToList();
            if (blockers.Count == 0) a.Sign(by, name!, title!, time.UtcNow);
            return Task.FromResult(blockers);
        }, ct);
    }

    public Task<Outcome> RecordGrantAsync(Guid id, Guid version, DateOnly? grantedOn, string? reference, string? grantedScope, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var refText = IntakeRules.Text(reference, "decisionReference", 100, f, required: true, "Give the Department's decision reference.");
        var scopeText = IntakeRules.Text(grantedScope, "grantedScope", 1000, f, required: true, "Give the scope the Department granted.");
        if (grantedOn is null) f.Add(new("grantedOn.required", "Give the day the exemption was granted.", "grantedOn"));
        else if (grantedOn > time.Today) f.Add(new("grantedOn.future", "The grant day cannot be in the future.", "grantedOn"));
        if (f.Count > 0) return Task.FromResult(Outcome.Invalid(f));
        return ChangeAsync(id, version, (a, by) =>
        {
            var signedOn = Domain.Rules.Deadline.LocalDate(a.SignedAtUtc ?? time.UtcNow, time.Zone);
            if (grantedOn < signedOn) return Task.FromResult(new List<Finding> { new("grantedOn.beforeSigning", "A grant comes after the signed application.", "grantedOn") });
            a.RecordGrant(grantedOn!.Value, refText!, scopeText!, by, signedOn);
            return Task.FromResult(new List<Finding>());
        }, ct);
    }

    private async Task<Outcome> ChangeAsync(Guid id, Guid version, Func<AdpApplication, string, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.AdpApplications.Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome.Invalid("notFound", "The application no longer exists.", "");
        if (a.Version != version) return Outcome.ConflictWith(Conflict);
        var by = await actor.NameAsync();
        return await Outcome.ApplyAsync(() => change(a, by)) ?? await Outcome.SaveAsync(db, Conflict, ct) ?? Outcome.Success(a.Version, a.Id);
    }
}
