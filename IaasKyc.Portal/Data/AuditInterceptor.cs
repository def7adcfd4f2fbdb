using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IaasKyc.Portal.Data;

/// <summary>
/// Writes the audit trail in the same transaction as the change (proposed § 7.302 record keeping):
/// each save appends one entry per changed entity (or one per bulk operation), chained by hash to the last one.
/// Appends are serialised in the process and, on SQLite, by the write lock that BEGIN IMMEDIATE takes;
/// on PostgreSQL, where several instances write, by a transaction-scoped advisory lock taken before the head is read.
/// Also stamps a new <see cref="IVersioned.Version"/> on every modified editable entity (optimistic concurrency).
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, SubjectKeyring keyring) : SaveChangesInterceptor, IDbCommandInterceptor
{
    private static readonly SemaphoreSlim AppendLock = new(1, 1);

    /// <summary>The PostgreSQL advisory lock key that serialises chain appends across instances ("IKYC" as an int).</summary>
    public const long ChainLockKey = 0x494B5943;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not PortalDbContext db) return result;
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !AuditPolicy.IsAuditInfrastructure(e.Metadata.ClrType) && !db.BulkAuditedTypes.Contains(e.Metadata.ClrType))
            .ToList();
        foreach (var e in changed)
        {
            if (e.Entity is IVersioned v && e.State is EntityState.Added or EntityState.Modified) v.Version = Guid.NewGuid();
        }
        if (changed.Count == 0 && db.PendingAuditNotes.Count == 0) return result;

        await AppendLock.WaitAsync(cancellationToken);
        try
        {
            if (db.Database.CurrentTransaction is null)
                db.OwnAuditTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Several instances on one PostgreSQL database: the lock (released at commit or rollback) makes one append at a time.
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);

            var head = await db.AuditHeads.Where(h => h.Id == 1).FirstOrDefaultAsync(cancellationToken);
            if (head is null)
            {
                head = new AuditHead { Id = 1, Sequence = 0, Hash = AuditChain.GenesisHash };
                db.AuditHeads.Add(head);
            }
            var now = ToMicroseconds(clock.GetUtcNow().UtcDateTime);
            var actor = db.Actor is null ? "system" : await db.Actor.NameAsync();

            foreach (var e in changed)
            {
                var rule = AuditPolicy.For(e.Metadata.ClrType);
                var subject = rule.Subject?.Invoke(e.Entity);
                var changes = await DescribeAsync(db, e, rule, subject, now, cancellationToken);
                if (e.State == EntityState.Modified && changes.Count == 0) continue;
                Append(db, head, now, actor, ActionOf(e.State), rule.Label, KeyOf(e), subject, changes);
            }
            foreach (var note in db.PendingAuditNotes)
                Append(db, head, now, actor, note.Action, note.EntityType, note.EntityId, note.SubjectId, note.Changes);
            db.AuditLockHeld = true;
        }
        catch
        {
            await ReleaseAsync(db, commit: false);
            AppendLock.Release();
            throw;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            // Notes and bulk types belong to this save only; after a failed save they stay for the retry.
            db.PendingAuditNotes.Clear();
            db.BulkAuditedTypes.Clear();
            await FinishAsync(db, commit: true);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await FinishAsync(db, commit: false);
    }

    // Since EF Core 7 a concurrency conflict does not reach SaveChangesFailed: without this the append lock and the
    // transaction stayed held, and every later audited save in the process waited forever.
    // Npgsql raises the conflict while the batch's reader is still open, when the connection takes no other command:
    // the rollback waits until EF disposes that reader (DataReaderDisposing below).
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is PortalDbContext db)
        {
            if (db.Database.IsNpgsql()) db.AuditFinishOnReaderDisposing = true;
            else FinishAsync(db, commit: false).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            if (db.Database.IsNpgsql()) db.AuditFinishOnReaderDisposing = true;
            else await FinishAsync(db, commit: false);
        }
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is PortalDbContext { AuditFinishOnReaderDisposing: true } db)
        {
            db.AuditFinishOnReaderDisposing = false;
            eventData.DataReader.Close();
            FinishAsync(db, commit: false).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await FinishAsync(db, commit: false);
    }

    private static async Task FinishAsync(PortalDbContext db, bool commit)
    {
        if (!db.AuditLockHeld) return;
        db.AuditLockHeld = false;
        try
        {
            await ReleaseAsync(db, commit);
            if (!commit)
            {
                // A failed save must not leave entries behind that a retry would write with a stale sequence.
                foreach (var e in db.ChangeTracker.Entries().Where(e => e.Entity is AuditEntry || e.Entity is AuditHead).ToList())
                    e.State = EntityState.Detached;
            }
        }
        finally
        {
            AppendLock.Release();
        }
    }

    private static async Task ReleaseAsync(PortalDbContext db, bool commit)
    {
        if (db.OwnAuditTransaction is not { } tx) return;
        db.OwnAuditTransaction = null;
        if (commit) await tx.CommitAsync();
        else await tx.RollbackAsync();
        await tx.DisposeAsync();
    }

    private static void Append(PortalDbContext db, AuditHead head, DateTime now, string actor, string action,
        string entityType, string entityId, string? subject, IReadOnlyList<FieldChange> changes)
    {
        var sequence = head.Sequence + 1;
        var hash = AuditChain.ComputeHash(sequence, now, actor, action, entityType, entityId, subject, changes, head.Hash);
        db.AuditEntries.Add(new AuditEntry
        {
            Sequence = sequence,
            AtUtc = now,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            SubjectId = subject,
            ChangesJson = AuditChanges.Serialize(changes),
            PreviousHash = head.Hash,
            Hash = hash,
        });
        head.Sequence = sequence;
        head.Hash = hash;
    }

    /// <summary>
    /// The entry's time as every database stores it: PostgreSQL keeps timestamps to the microsecond, so a time hashed
    /// to the 100 ns tick read back different and every entry failed verification (issue 10, found by the two-instance test).
    /// </summary>
    public static DateTime ToMicroseconds(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "create",
        EntityState.Deleted => "delete",
        _ => "update",
    };

    private static string KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("/", key.Properties.Select(p => Format(e.Property(p.Name).CurrentValue)));
    }

    private async Task<IReadOnlyList<FieldChange>> DescribeAsync(PortalDbContext db, EntityEntry e, AuditRule rule, string? subject, DateTime now, CancellationToken ct)
    {
        var list = new List<FieldChange>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (rule.Ignored?.Contains(name) == true || p.Metadata.IsShadowProperty()) continue;
            string? oldValue = null, newValue = null;
            switch (e.State)
            {
                case EntityState.Added:
                    newValue = Format(p.CurrentValue);
                    if (newValue is null) continue;
                    break;
                case EntityState.Deleted:
                    oldValue = Format(p.OriginalValue);
                    break;
                default:
                    if (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue)) continue;
                    oldValue = Format(p.OriginalValue);
                    newValue = Format(p.CurrentValue);
                    break;
            }
            if (rule.Secret?.Contains(name) == true)
            {
                oldValue = oldValue is null ? null : AuditPolicy.Masked;
                newValue = newValue is null ? null : AuditPolicy.Masked;
            }
            else if (rule.Personal?.Contains(name) == true && subject is not null)
            {
                oldValue = oldValue is null ? null : await keyring.ProtectAsync(db, subject, oldValue, now, ct);
                newValue = newValue is null ? null : await keyring.ProtectAsync(db, subject, newValue, now, ct);
            }
            list.Add(new FieldChange(name, oldValue, newValue));
        }
        return list;
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] bytes => $"({bytes.Length} bytes)",
        Enum en => JsonNamingPolicy.CamelCase.ConvertName(en.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>One audit entry for a bulk operation (an import, 10,000 access events): the count and the payload's SHA-256.</summary>
public sealed record AuditNote(string Action, string EntityType, string EntityId, string? SubjectId, IReadOnlyList<FieldChange> Changes);

public static class AuditChanges
{
    public static string Serialize(IReadOnlyList<FieldChange> changes) =>
        JsonSerializer.Serialize(changes.Select(c => new[] { c.Field, c.Old, c.New }));

    public static IReadOnlyList<FieldChange> Deserialize(string json) =>
        [.. (JsonSerializer.Deserialize<string?[][]>(json) ?? []).Select(a => new FieldChange(a[0]!, a[1], a[2]))];
}
