using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Audit;

public sealed record AuditFilter(string? Actor = null, string? EntityType = null, string? EntityId = null, string? Action = null,
    DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Sequence, DateTime AtUtc, string Actor, string Action, string EntityType, string EntityId,
    IReadOnlyList<FieldChange> Changes, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Who last saved a record, and when (from the trail, which every save writes).</summary>
public sealed record LastChange(string By, DateTime AtUtc);

public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory, SubjectKeyring keyring, PortalTime time)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> SearchAsync(AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip(Math.Max(0, skip)).Take(take).ToListAsync(ct);
        return new AuditPage(await RevealAsync(db, rows, ct), total);
    }

    /// <summary>The entries of a filter in chain order, for the audit extract (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<AuditRow>> ExtractAsync(AuditFilter filter, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Apply(db.AuditEntries.AsNoTracking(), filter).OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);
        return await RevealAsync(db, rows, ct);
    }

    public async Task<int> CountAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Apply(db.AuditEntries.AsNoTracking(), filter).CountAsync(ct);
    }

    /// <summary>Entity types and actions present, for the filter drop-downs.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)> FacetsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return (types, actions);
    }

    /// <summary>Re-computes every hash from the first entry, streaming in batches, and compares the end with the recorded head.</summary>
    public async Task<ChainVerification> VerifyAsync(IProgress<double>? progress = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.AuditHeads.AsNoTracking().Where(h => h.Id == 1).FirstOrDefaultAsync(ct);
        var total = Math.Max(1, head?.Sequence ?? 1);
        var verifier = new ChainVerifier();
        long after = 0;
        const int batch = 5000;
        while (true)
        {
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            if (rows.Count == 0) break;
            var stop = false;
            foreach (var r in rows)
            {
                if (!verifier.Accept(ToRecord(r))) { stop = true; break; }
            }
            if (stop) break;
            after = rows[^1].Sequence;
            progress?.Report(Math.Min(1.0, (double)after / total));
        }
        return verifier.Finish(head?.Sequence ?? 0, head?.Hash ?? AuditChain.GenesisHash);
    }

    /// <summary>The trail of one entity (a customer's timeline), newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> ForEntityAsync(string entityType, string entityId, int limit = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence).Take(limit).ToListAsync(ct);
        return await RevealAsync(db, rows, ct);
    }

    /// <summary>The newest entry of one entity: who saved it last and when (shown when someone else's save refuses a stale one).</summary>
    public async Task<LastChange?> LastChangeAsync(string entityType, string entityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence).Select(e => new LastChange(e.Actor, e.AtUtc)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Everything recorded about one data subject (a customer and its accounts, evidence, decisions), newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> ForSubjectAsync(string subjectId, int limit = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == subjectId)
            .OrderByDescending(e => e.Sequence).Take(limit).ToListAsync(ct);
        return await RevealAsync(db, rows, ct);
    }

    public static AuditRecord ToRecord(AuditEntry e) => new(e.Sequence, e.AtUtc, e.Actor, e.Action, e.EntityType, e.EntityId,
        e.SubjectId, AuditChanges.Deserialize(e.ChangesJson), e.PreviousHash, e.Hash);

    private IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> q, AuditFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(e => e.Actor.Contains(f.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(e => e.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(e => e.EntityId == f.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(e => e.Action == f.Action);
        // Dates are the provider's calendar days; convert their bounds to UTC instants.
        if (f.From is { } from) { var start = StartUtc(from); q = q.Where(e => e.AtUtc >= start); }
        if (f.To is { } to) { var end = StartUtc(to.AddDays(1)); q = q.Where(e => e.AtUtc < end); }
        return q;
    }

    private DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), time.Zone);

    private async Task<IReadOnlyList<AuditRow>> RevealAsync(PortalDbContext db, List<AuditEntry> rows, CancellationToken ct)
    {
        var result = new List<AuditRow>(rows.Count);
        foreach (var r in rows)
        {
            var changes = new List<FieldChange>();
            foreach (var c in AuditChanges.Deserialize(r.ChangesJson))
            {
                changes.Add(c with
                {
                    Old = await keyring.RevealAsync(db, r.SubjectId, c.Old, ct),
                    New = await keyring.RevealAsync(db, r.SubjectId, c.New, ct),
                });
            }
            result.Add(new AuditRow(r.Sequence, r.AtUtc, r.Actor, r.Action, r.EntityType, r.EntityId, changes, r.Hash));
        }
        return result;
    }
}
