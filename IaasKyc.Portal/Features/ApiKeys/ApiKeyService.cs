using System.Security.Cryptography;
using System.Text;
using IaasKyc.Domain;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.ApiKeys;

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string CreatedBy,
    DateTime CreatedAtUtc, DateTime? RevokedAtUtc, string? RevokedBy, Guid Version);

public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

public sealed class ApiKeyService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string KeyPrefix = "iak_";
    private const int LookupLength = 12;

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenBy(k => k.Name).ToListAsync(ct);
        return [.. keys.Select(ToView)];
    }

    public static IReadOnlyList<Finding> Validate(string? name, IReadOnlyCollection<string> scopes)
    {
        var findings = new List<Finding>();
        if (string.IsNullOrWhiteSpace(name)) findings.Add(new("apiKey.nameRequired", "Give the key a name that says which system uses it.", "name"));
        else if (name.Length > 100) findings.Add(new("apiKey.nameTooLong", "A key name has at most 100 characters.", "name"));
        if (scopes.Count == 0) findings.Add(new("apiKey.scopeRequired", "Choose at least one scope.", "scopes"));
        foreach (var s in scopes.Where(s => !ApiScopes.All.Contains(s)))
            findings.Add(new("apiKey.unknownScope", $"{s} is not a scope.", "scopes"));
        return findings;
    }

    /// <summary>Creates a key; the secret in the result is the only time the key is ever shown.</summary>
    public async Task<CreatedApiKey> CreateAsync(string name, IReadOnlyCollection<string> scopes, string createdBy, CancellationToken ct = default)
    {
        if (Validate(name, scopes) is { Count: > 0 } findings) throw new ArgumentException(findings[0].Message);
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Prefix = secret[..LookupLength],
            Hash = HashOf(secret),
            Scopes = string.Join(' ', scopes.Distinct().Order()),
            CreatedBy = createdBy,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ToView(key), secret);
    }

    /// <summary>Revokes a key; a revoked key is refused from the next request on.</summary>
    public async Task RevokeAsync(Guid id, Guid version, string revokedBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new KeyNotFoundException("The key no longer exists.");
        db.Entry(key).Property(k => k.Version).OriginalValue = version;
        if (key.RevokedAtUtc is not null) return;
        key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        key.RevokedBy = revokedBy;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Finds the active key matching a presented secret; null for unknown, wrong or revoked keys.</summary>
    public async Task<ApiKeyView?> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        if (presented.Length < LookupLength || presented.Length > 200 || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        var prefix = presented[..LookupLength];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAtUtc == null).ToListAsync(ct);
        var hash = Encoding.ASCII.GetBytes(HashOf(presented));
        var match = candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.Hash), hash));
        return match is null ? null : ToView(match);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyView ToView(ApiKey k) => new(k.Id, k.Name, k.Prefix,
        k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.CreatedBy, k.CreatedAtUtc, k.RevokedAtUtc, k.RevokedBy, k.Version);
}
