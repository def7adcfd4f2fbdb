using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IaasKyc.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data;

/// <summary>
/// Per-subject data keys for personal values in the audit trail. Destroying a subject's key (a purge)
/// leaves its audit entries, and so the chain, intact while their personal values can no longer be read.
/// </summary>
public sealed class SubjectKeyring(FieldCipher cipher)
{
    public const string PersonalPrefix = "pii:";
    public const string Erased = "[erased]";

    // Only keys already committed are cached, so a rolled-back save never leaves a key that was not stored.
    private readonly ConcurrentDictionary<string, byte[]> cache = new();

    public async Task<string> ProtectAsync(PortalDbContext db, string subjectId, string plain, DateTime nowUtc, CancellationToken ct)
    {
        var key = await GetOrCreateAsync(db, subjectId, nowUtc, ct);
        return key is null ? Erased : PersonalPrefix + Convert.ToBase64String(FieldCipher.Seal(key, Encoding.UTF8.GetBytes(plain)));
    }

    /// <summary>Decrypts a value written by <see cref="ProtectAsync"/>; other values pass through.</summary>
    public async Task<string?> RevealAsync(PortalDbContext db, string? subjectId, string? stored, CancellationToken ct = default)
    {
        if (stored is null || subjectId is null || !stored.StartsWith(PersonalPrefix, StringComparison.Ordinal)) return stored;
        var key = await FindAsync(db, subjectId, ct);
        if (key is null) return Erased;
        try
        {
            return Encoding.UTF8.GetString(FieldCipher.Open(key, Convert.FromBase64String(stored[PersonalPrefix.Length..])));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return "[unreadable]";
        }
    }

    /// <summary>Erases every personal value of the subject in the audit trail. Audited by the caller's save.</summary>
    public async Task DestroyAsync(PortalDbContext db, string subjectId, DateTime nowUtc, CancellationToken ct = default)
    {
        var row = await db.SubjectKeys.FindAsync([subjectId], ct);
        if (row is null)
        {
            row = new SubjectKey { SubjectId = subjectId, CreatedAtUtc = nowUtc };
            db.SubjectKeys.Add(row);
        }
        row.WrappedKey = null;
        row.DestroyedAtUtc = nowUtc;
        cache.TryRemove(subjectId, out _);
        // A read before this save commits caches the key again: forget it once the destruction is stored.
        db.SavedChanges += (_, _) => cache.TryRemove(subjectId, out _);
    }

    private async Task<byte[]?> FindAsync(PortalDbContext db, string subjectId, CancellationToken ct)
    {
        if (cache.TryGetValue(subjectId, out var cached)) return cached;
        var row = await db.SubjectKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SubjectId == subjectId, ct);
        if (row?.WrappedKey is null) return null;
        var key = cipher.UnwrapKey(row.WrappedKey);
        cache[subjectId] = key;
        return key;
    }

    private async Task<byte[]?> GetOrCreateAsync(PortalDbContext db, string subjectId, DateTime nowUtc, CancellationToken ct)
    {
        var pending = db.SubjectKeys.Local.FirstOrDefault(k => k.SubjectId == subjectId);
        if (pending is not null) return pending.WrappedKey is null ? null : cipher.UnwrapKey(pending.WrappedKey);
        if (cache.TryGetValue(subjectId, out var cached)) return cached;

        var row = await db.SubjectKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SubjectId == subjectId, ct);
        if (row is not null)
        {
            if (row.WrappedKey is null) return null;
            return cache[subjectId] = cipher.UnwrapKey(row.WrappedKey);
        }
        var fresh = RandomNumberGenerator.GetBytes(32);
        db.SubjectKeys.Add(new SubjectKey { SubjectId = subjectId, WrappedKey = cipher.WrapKey(fresh), CreatedAtUtc = nowUtc });
        return fresh;
    }
}
