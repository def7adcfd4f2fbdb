using IaasKyc.Domain;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Portal.Features.AccessEvents;

/// <summary>One raw record as the API or a CSV line gives it.</summary>
public sealed record AccessEventInput(string? Ip, string? At, string? Kind);

/// <summary>What an ingest did: stored <see cref="Stored"/> rows, or nothing (findings, unknown account, too many rows).</summary>
public sealed record IngestResult(int Stored, IReadOnlyList<Finding> Findings, bool AccountNotFound = false, bool TooLarge = false)
{
    public bool Ok => Findings.Count == 0 && !AccountNotFound && !TooLarge;
}

/// <summary>A parsed CSV file: every valid row (kept for the commit), the total, and the line-numbered findings.</summary>
public sealed record CsvParseResult(IReadOnlyList<AccessRecord> Rows, IReadOnlyList<Finding> Findings, int BadLines)
{
    public const int PreviewRows = 20;

    public bool CanCommit => Findings.Count == 0 && Rows.Count > 0;
    public IEnumerable<AccessRecord> Preview => Rows.Take(PreviewRows);
}

public sealed record AccessEventRow(long Id, DateTime AtUtc, string Ip, AccessKind Kind);

public sealed record AccessEventPage(IReadOnlyList<AccessEventRow> Rows, int Total, IReadOnlyList<Finding> Findings);

public sealed record AccessSummary(Guid AccountId, string Reference, Guid CustomerId, string CustomerName,
    int Count, DateTime? FirstUtc, DateTime? LastUtc, int DistinctAddresses);

/// <summary>The page's search: an address or CIDR block and a UTC time range, each optional.</summary>
public sealed record AccessSearch(string? Address, DateTime? FromUtc, DateTime? ToUtc);

/// <summary>A customer's access records across its accounts: count, first and last, distinct addresses, and the latest records.</summary>
public sealed record CustomerAccess(int Count, DateTime? FirstUtc, DateTime? LastUtc, int DistinctAddresses, IReadOnlyList<CustomerAccessRow> Latest);

public sealed record CustomerAccessRow(string AccountReference, DateTime AtUtc, string Ip, AccessKind Kind);
