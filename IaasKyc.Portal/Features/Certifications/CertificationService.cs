using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Certifications;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Certifications;

/// <summary>A certification as the list shows it.</summary>
public sealed record CertificationRow(Guid Id, CertificationKind Kind, DateOnly AsOf, CertificationState State, string PreparedBy,
    string? SignerName, DateTime? SignedAtUtc);

/// <summary>One certification with its stored figures and statements.</summary>
public sealed record CertificationDetail(Guid Id, CertificationKind Kind, DateOnly AsOf, string? OffCycleReason, CertificationState State,
    CertificationFigures Figures, string CreatedBy, string PreparedBy, DateTime PreparedAtUtc,
    IReadOnlyList<StatementView> Statements, string? SignedBy, string? SignerName, string? SignerTitle, DateTime? SignedAtUtc, Guid Version);

public sealed record StatementView(AnnualStatement Statement, string Text, bool Checked, string? Comment);

/// <summary>
/// CIP certifications (issue 8 item 1; proposed § 7.301, § 7.303): Officers draft them with figures computed from the data as of a day,
/// Approvers other than the preparer sign them; a signed certification is frozen.
/// </summary>
public sealed class CertificationService(IDbContextFactory<PortalDbContext> dbFactory, CertificationFiguresQuery figures, AuditActor actor, PortalTime time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(CertificationFigures f) => JsonSerializer.Serialize(f, Json);

    public static CertificationFigures Deserialize(string json) => JsonSerializer.Deserialize<CertificationFigures>(json, Json)!;

    public async Task<IReadOnlyList<CertificationRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Certifications.AsNoTracking()
            .Select(c => new CertificationRow(c.Id, c.Kind, c.AsOf, c.State, c.PreparedBy, c.SignerName, c.SignedAtUtc)).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Kind)];
    }

    public async Task<CertificationDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Certifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        IReadOnlyList<StatementView> statements = c.HasStatements
            ? [.. Enum.GetValues<AnnualStatement>().Select(s => new StatementView(s, CertificationText.Statement(s), c.Statement(s).Checked, c.Statement(s).Comment))]
            : [];
        return new(c.Id, c.Kind, c.AsOf, c.OffCycleReason, c.State, Deserialize(c.FiguresJson), c.CreatedBy, c.PreparedBy, c.PreparedAtUtc, statements,
            c.SignedBy, c.SignerName, c.SignerTitle, c.SignedAtUtc, c.Version);
    }

    /// <summary>
    /// Proposed § 7.303 (off-cycle update): what changed in the written CIP's contact since the last signed certification, or null.
    /// </summary>
    public async Task<string?> ContactChangeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var last = await db.Certifications.AsNoTracking().Where(c => c.State == CertificationState.Signed)
            .OrderByDescending(c => c.SignedAtUtc).Select(c => c.FiguresJson).FirstOrDefaultAsync(ct);
        var cip = await db.CipDocuments.AsNoTracking().OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
        if (last is null || cip is null || Deserialize(last).Cip is not { } signed) return null;
        return signed.ContactName == cip.ContactName && signed.ContactEmail == cip.ContactEmail && signed.ContactPhone == cip.ContactPhone
            ? null
            : $"The CIP contact changed from {signed.ContactName} to {cip.ContactName} ({cip.VersionLabel}) since the last signed certification.";
    }

    public async Task<Outcome> DraftAsync(CertificationKind kind, DateOnly? asOf, string? offCycleReason, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        if (asOf is null) f.Add(new("asOf.required", "Choose the day the figures are taken on.", "asOf"));
        else if (asOf > time.Today) f.Add(new("asOf.future", "The figures are taken on a past day or today, never a future one.", "asOf"));
        var reason = IntakeRules.Text(offCycleReason, "offCycleReason", 2000, f, required: kind == CertificationKind.OffCycle,
            "Say what changed: the CIP contact, the corporate structure, business operations or the CIP.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (kind != CertificationKind.Initial && f.Count == 0
            && !await db.Certifications.AnyAsync(c => c.State == CertificationState.Signed && c.AsOf <= asOf, ct))
            f.Add(new("initial.missing", "Sign an initial certification before an annual certification or an off-cycle update.", "kind"));
        if (f.Count > 0) return Outcome.Invalid(f);

        var computed = await figures.ComputeAsync(asOf!.Value, await PeriodStartAsync(db, asOf.Value, ct), ct);
        var c = new Certification(Guid.NewGuid(), kind, asOf.Value, kind == CertificationKind.OffCycle ? reason : null, Serialize(computed),
            await actor.NameAsync(), time.UtcNow);
        db.Certifications.Add(c);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(c.Version, c.Id);
    }

    public Task<Outcome> RecomputeAsync(Guid id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, async (db, c, by) =>
        {
            c.Recompute(Serialize(await figures.ComputeAsync(c.AsOf, await PeriodStartAsync(db, c.AsOf, ct), ct)), by, time.UtcNow);
            return [];
        }, ct);

    public Task<Outcome> SetStatementAsync(Guid id, Guid version, AnnualStatement statement, bool isChecked, string? comment, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(comment, Certification.StatementField(statement), 2000, f);
        if (f.Count > 0) return Task.FromResult(Outcome.Invalid(f));
        return ChangeAsync(id, version, (_, c, by) =>
        {
            c.SetStatement(statement, isChecked, text, by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);
    }

    public Task<Outcome> SignAsync(Guid id, Guid version, string? signerName, string? signerTitle, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var name = IntakeRules.Text(signerName, "signerName", 200, f);
        var title = IntakeRules.Text(signerTitle, "signerTitle", 200, f);
        if (f.Count > 0) return Task.FromResult(Outcome.Invalid(f));
        return ChangeAsync(id, version, (_, c, by) =>
        {
            Signature.RequireOtherThanPreparer(by, c.PreparedBy, "draft");
            var blockers = c.SignBlockers(name, title).ToList();
            if (blockers.Count == 0) c.Sign(by, name!, title!, time.UtcNow);
            return Task.FromResult(blockers);
        }, ct);
    }

    /// <summary>The as-of day of the latest signed initial or annual certification before <paramref name="asOf"/>: the period's start.</summary>
    private static async Task<DateOnly?> PeriodStartAsync(PortalDbContext db, DateOnly asOf, CancellationToken ct) =>
        await db.Certifications.AsNoTracking()
            .Where(c => c.State == CertificationState.Signed && c.Kind != CertificationKind.OffCycle && c.AsOf < asOf)
            .OrderByDescending(c => c.AsOf).Select(c => (DateOnly?)c.AsOf).FirstOrDefaultAsync(ct);

    private async Task<Outcome> ChangeAsync(Guid id, Guid version, Func<PortalDbContext, Certification, string, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Certifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome.Invalid("notFound", "The certification no longer exists.", "");
        const string conflict = "Someone else changed this certification: reload it.";
        if (c.Version != version) return Outcome.ConflictWith(conflict);
        var by = await actor.NameAsync();
        return await Outcome.ApplyAsync(() => change(db, c, by))
            ?? await Outcome.SaveAsync(db, conflict, ct)
            ?? Outcome.Success(c.Version, c.Id);
    }
}
