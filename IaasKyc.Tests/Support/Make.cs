using IaasKyc.Domain.Audit;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Users;
using IaasKyc.Portal.Security;

namespace IaasKyc.Tests.Support;

/// <summary>Test data with sensible defaults; name only what a test is about.</summary>
public static class Make
{
    public const string Password = "Correct horse battery 9";

    public static DateTime Utc(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>A valid hash chain of <paramref name="count"/> entries, sequences 1 to count, one minute apart.</summary>
    public static List<AuditRecord> Chain(int count, DateTime? startUtc = null)
    {
        var at = startUtc ?? Utc(2026, 6, 15, 14);
        var previous = AuditChain.GenesisHash;
        var chain = new List<AuditRecord>();
        for (var sequence = 1L; sequence <= count; sequence++)
        {
            var record = AuditRecord(sequence, at.AddMinutes(sequence), previous, entityId: $"key-{sequence}");
            chain.Add(record);
            previous = record.Hash;
        }
        return chain;
    }

    public static AuditRecord AuditRecord(long sequence, DateTime atUtc, string previousHash, string actor = "ada@example.com",
        string action = "update", string entityType = "ApiKey", string entityId = "key-1", string? subjectId = null,
        IReadOnlyList<FieldChange>? changes = null)
    {
        changes ??= [new FieldChange("Name", "Billing", "Billing export")];
        var hash = AuditChain.ComputeHash(sequence, atUtc, actor, action, entityType, entityId, subjectId, changes, previousHash);
        return new AuditRecord(sequence, atUtc, actor, action, entityType, entityId, subjectId, changes, previousHash, hash);
    }

    /// <summary>Every rule-pack parameter at its default, with <paramref name="overrides"/> applied.</summary>
    public static Dictionary<string, string> Parameters(params (string Key, string Value)[] overrides)
    {
        var parameters = RulePack.Catalogue.ToDictionary(p => p.Key, p => p.Default);
        foreach (var (key, value) in overrides) parameters[key] = value;
        return parameters;
    }

    public static RulePack Pack(string version, DateOnly effectiveFrom, params (string Key, string Value)[] overrides) =>
        new(version, effectiveFrom, Parameters(overrides));

    public static PortalUser User(string email = "grace@example.com", string displayName = "Grace Hopper", string? passwordHash = null)
    {
        return new PortalUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = displayName,
            PasswordHash = passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAtUtc = Utc(2026, 6, 15, 14),
        };
    }

    public static ApiKey ApiKey(string name = "Billing export", string scopes = ApiScopes.Audit, string? secret = null)
    {
        secret ??= "iak_" + Guid.NewGuid().ToString("N");
        return new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = secret[..12],
            Hash = ApiKeyService.HashOf(secret),
            Scopes = scopes,
            CreatedBy = "admin@example.com",
            CreatedAtUtc = Utc(2026, 6, 15, 14),
        };
    }

    public static NewUser NewUser(string email = "ada@example.com", string displayName = "Ada Lovelace", string password = Password,
        params string[] roles) =>
        new(email, displayName, password, roles.Length == 0 ? [Roles.Officer] : roles);

    /// <summary>A complete report narrative: a 4,096-H100 run for 720 hours at 0.4 utilisation, 400 Gbit/s networking.</summary>
    public static IaasKyc.Domain.AiTraining.ReportNarrative Narrative(string? intendedUse = "A general-purpose code model offered to the customer's clients.") => new(
        new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), "Frankfurt FRA-2, 512 nodes, 400 Gbit/s InfiniBand", "H100", 4096, 720, 0.4, 400, false,
        intendedUse, "Trained on exploit and vulnerability data; could automate finding and exploiting software flaws.",
        "Usage signal from the capacity planner on 2026-06-13, confirmed by the account manager.");
}
