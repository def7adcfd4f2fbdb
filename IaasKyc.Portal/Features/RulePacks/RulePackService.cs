using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.RulePacks;

public sealed record RulePackView(Guid Id, string Name, DateOnly EffectiveFrom, IReadOnlyDictionary<string, string> Parameters,
    string CreatedBy, DateTime CreatedAtUtc, DateTime? FirstUsedAtUtc, bool IsActive, Guid Version)
{
    public bool IsLocked => FirstUsedAtUtc is not null;
}

public sealed class RulePackService(IDbContextFactory<PortalDbContext> dbFactory, PortalTime time)
{
    public async Task<IReadOnlyList<RulePackView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RulePackVersions.AsNoTracking().ToListAsync(ct);
        var active = RulePack.ActiveOn(rows.Select(r => r.ToDomain()), time.Today)?.Version;
        return [.. rows.OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.CreatedAtUtc).Select(r => ToView(r, r.Name == active))];
    }

    /// <summary>The rule pack in effect today in the provider's time zone; the default pack when none is stored.</summary>
    public async Task<RulePack> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ActiveAsync(db, time.Today, ct);
    }

    public static async Task<RulePack> ActiveAsync(PortalDbContext db, DateOnly day, CancellationToken ct = default)
    {
        var rows = await db.RulePackVersions.AsNoTracking().Where(r => r.EffectiveFrom <= day).ToListAsync(ct);
        return RulePack.ActiveOn(rows.Select(r => r.ToDomain()), day) ?? RulePack.Default;
    }

    /// <summary>Marks a version as used by a decision, in the caller's unit of work: from then on it cannot be edited.</summary>
    public static async Task RecordUseAsync(PortalDbContext db, string versionName, DateTime nowUtc, CancellationToken ct = default)
    {
        var row = await db.RulePackVersions.FirstOrDefaultAsync(r => r.Name == versionName, ct);
        if (row is not null && row.FirstUsedAtUtc is null) row.FirstUsedAtUtc = nowUtc;
    }

    public async Task<(RulePackView? Created, IReadOnlyList<Finding> Findings)> CreateAsync(
        string name, DateOnly? effectiveFrom, IReadOnlyDictionary<string, string> parameters, string createdBy, CancellationToken ct = default)
    {
        var findings = RulePack.Validate(name, effectiveFrom, parameters).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (findings.Count == 0 && await db.RulePackVersions.AnyAsync(r => r.Name == name.Trim(), ct))
            findings.Add(new("rulePack.versionExists", "A version with this name exists already: choose another name.", "version"));
        if (findings.Count > 0) return (null, findings);

        var row = new RulePackVersion
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            EffectiveFrom = effectiveFrom!.Value,
            ParametersJson = JsonSerializer.Serialize(parameters.ToDictionary(p => p.Key, p => p.Value.Trim())),
            CreatedBy = createdBy,
            CreatedAtUtc = time.UtcNow,
        };
        db.RulePackVersions.Add(row);
        await db.SaveChangesAsync(ct);
        return (ToView(row, false), []);
    }

    /// <summary>Edits a version that no decision has used yet; a used version is refused (a change is a new version).</summary>
    public async Task<IReadOnlyList<Finding>> UpdateAsync(Guid id, Guid version, DateOnly? effectiveFrom,
        IReadOnlyDictionary<string, string> parameters, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RulePackVersions.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new KeyNotFoundException("The rule-pack version no longer exists.");
        if (row.FirstUsedAtUtc is not null)
            return [new("rulePack.versionUsed", $"Version {row.Name} has been used by decisions and cannot be edited: create a new version.", "version")];
        var findings = RulePack.Validate(row.Name, effectiveFrom, parameters);
        if (findings.Count > 0) return findings;

        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        row.EffectiveFrom = effectiveFrom!.Value;
        row.ParametersJson = JsonSerializer.Serialize(parameters.ToDictionary(p => p.Key, p => p.Value.Trim()));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Stores the default pack of regulation.md when the database has none (every installation, demo or not).</summary>
    public static async Task EnsureDefaultAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.RulePackVersions.AnyAsync(ct)) return;
        var d = RulePack.Default;
        db.RulePackVersions.Add(new RulePackVersion
        {
            Id = Guid.NewGuid(),
            Name = d.Version,
            EffectiveFrom = d.EffectiveFrom,
            ParametersJson = JsonSerializer.Serialize(d.Parameters),
            CreatedBy = "system",
            CreatedAtUtc = nowUtc,
        });
        await db.SaveChangesAsync(ct);
    }

    private static RulePackView ToView(RulePackVersion r, bool active) =>
        new(r.Id, r.Name, r.EffectiveFrom, r.ToDomain().Parameters, r.CreatedBy, r.CreatedAtUtc, r.FirstUsedAtUtc, active, r.Version);
}
