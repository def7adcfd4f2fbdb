using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Certifications;

/// <summary>A count for one country of address (ISO 3166-1 alpha-2; empty when no address is recorded).</summary>
public sealed record CountryCount(string Country, int Count);

/// <summary>One line of the list of foreign resellers: name, country, status on the day, CIP arrangement and end date once terminated.</summary>
public sealed record ResellerLine(string Name, string? Country, string Status, string Arrangement, DateOnly RelationshipStart, DateOnly? EndDate);

/// <summary>A refused identity verification in the period and how it was resolved by the as-of day.</summary>
public sealed record FailedVerification(Guid CustomerId, string CustomerName, string? Country, DateTime RejectedAtUtc, string Reason, string Resolution);

/// <summary>The written CIP in force on the day: its version, contact, procedures and abuse-detection resources (kept with the CIP).</summary>
public sealed record CipFacts(string Version, string ContactName, string ContactTitle, string ContactEmail, string ContactPhone,
    string VerificationProcedures, string AbuseDetectionResources);

/// <summary>
/// Counts of customers and their open accounts on the as-of day, grouped by country of address, U.S./foreign determination and
/// status on that day: what the database's GROUP BY returns; <see cref="CertificationRules"/> turns it into figures.
/// </summary>
public sealed record StatusGroup(string? Country, bool? UsPerson, CustomerStatus? Status, int Customers, int OpenAccounts);

/// <summary>
/// Every figure of a certification (proposed § 7.301, § 7.303; regulation.md §3), computed from the data as of <see cref="AsOf"/>:
/// never typed. Stored with the certification; once signed it no longer changes.
/// </summary>
public sealed record CertificationFigures(
    DateOnly AsOf,
    DateOnly? PeriodStart,
    DateTime ComputedAtUtc,
    IReadOnlyList<CountryCount> CustomersByCountry,
    IReadOnlyList<CountryCount> AccountsByCountry,
    IReadOnlyList<CountryCount> ForeignOwnersByCountry,
    IReadOnlyList<ResellerLine> ForeignResellers,
    int ForeignAccountsNotVerified,
    IReadOnlyList<FailedVerification> FailedVerifications,
    CipFacts? Cip)
{
    public int Customers => CustomersByCountry.Sum(c => c.Count);
    public int Accounts => AccountsByCountry.Sum(c => c.Count);
    public int ForeignOwners => ForeignOwnersByCountry.Sum(c => c.Count);
}
