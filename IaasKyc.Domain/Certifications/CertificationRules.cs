using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Certifications;

/// <summary>What the certification's figures mean, as pure functions over what the database grouped.</summary>
public static class CertificationRules
{
    /// <summary>
    /// An IaaS customer on the day (proposed § 7.303: the number and locations of customers): a record taken past intake whose
    /// decision is pending or positive. Drafts are not yet customers; rejected and closed records are customers no longer.
    /// </summary>
    public static bool IsCustomer(CustomerStatus? status) =>
        status is CustomerStatus.Submitted or CustomerStatus.Escalated or CustomerStatus.Restricted or CustomerStatus.Verified;

    /// <summary>A foreign customer whose identity is not verified on the day (pending, escalated or restricted use).</summary>
    public static bool IsForeignUnverified(StatusGroup g) => g.UsPerson == false && IsCustomer(g.Status) && g.Status != CustomerStatus.Verified;

    public static IReadOnlyList<CountryCount> CustomersByCountry(IEnumerable<StatusGroup> groups) =>
        ByCountry(groups.Where(g => IsCustomer(g.Status)).Select(g => (g.Country, g.Customers)));

    public static IReadOnlyList<CountryCount> AccountsByCountry(IEnumerable<StatusGroup> groups) =>
        ByCountry(groups.Where(g => IsCustomer(g.Status)).Select(g => (g.Country, g.OpenAccounts)));

    /// <summary>Proposed § 7.303: the number of foreign-customer accounts whose identity is not verified.</summary>
    public static int ForeignAccountsNotVerified(IEnumerable<StatusGroup> groups) => groups.Where(IsForeignUnverified).Sum(g => g.OpenAccounts);

    /// <summary>Largest first, then by country code; countries with nothing to count are left out.</summary>
    public static IReadOnlyList<CountryCount> ByCountry(IEnumerable<(string? Country, int Count)> rows) =>
        [.. rows.GroupBy(r => (r.Country ?? "").ToUpperInvariant())
            .Select(g => new CountryCount(g.Key, g.Sum(r => r.Count)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Country, StringComparer.Ordinal)];

    /// <summary>
    /// Regulation.md §3 (annual): how a failed identity verification was resolved, from the customer's status changes after the
    /// refusal up to the as-of day (<paramref name="later"/>, in time order).
    /// </summary>
    public static string Resolution(IReadOnlyList<(CustomerStatus To, DateTime AtUtc)> later, Func<DateTime, string> format)
    {
        if (later.Count == 0) return "Refused: no access given; the record stays rejected.";
        var last = later[^1];
        return last.To switch
        {
            CustomerStatus.Verified => $"Corrected and verified on {format(last.AtUtc)}.",
            CustomerStatus.Closed => $"Record closed on {format(last.AtUtc)}.",
            CustomerStatus.Rejected => $"Resubmitted and refused again on {format(last.AtUtc)}.",
            CustomerStatus.Restricted => $"Resubmitted; restricted use pending verification since {format(last.AtUtc)}.",
            _ => $"Resubmitted on {format(later[0].AtUtc)}; decision pending.",
        };
    }
}
