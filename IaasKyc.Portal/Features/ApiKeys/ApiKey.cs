using IaasKyc.Domain;

namespace IaasKyc.Portal.Features.ApiKeys;

/// <summary>An integration key: only its SHA-256 is stored; the key itself is shown once, when created.</summary>
public sealed class ApiKey : IVersioned
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, kept in clear to find the row and to tell keys apart on screen.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>Space-separated scopes (api.md).</summary>
    public string Scopes { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedBy { get; set; }
    public Guid Version { get; set; }
}

public static class ApiScopes
{
    public const string Customers = "customers";
    public const string Screening = "screening";
    public const string Lists = "lists";
    public const string Signals = "signals";
    public const string Audit = "audit";

    public static readonly IReadOnlyList<string> All = [Customers, Screening, Lists, Signals, Audit];

    public static string Describe(string scope) => scope switch
    {
        Customers => "Customer intake, provisioning gate, ownership, access events",
        Screening => "Screening search",
        Lists => "List imports",
        Signals => "Usage signals and compute estimates",
        Audit => "Audit chain verification",
        _ => scope,
    };
}
