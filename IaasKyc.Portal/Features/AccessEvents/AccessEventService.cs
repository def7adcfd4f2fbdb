using System.Text;
using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.AccessEvents;

/// <summary>
/// IP access records per account (proposed § 7.302: IP addresses used for access or administration, with date and time).
/// A batch (an API call, a CSV file) is stored whole or not at all, in one SaveChanges with one bulk audit entry.
/// </summary>
public sealed class AccessEventService(IDbContextFactory<PortalDbContext> dbFactory, PortalTime time)
{
    public const int MaxBatch = 10_000;
    public const int MaxCsvRows = 100_000;
    public const long MaxCsvBytes = 20 * 1024 * 1024;
    public const int MaxPageSize = 200;
    private const int MaxReported = 100;

    /// <summary>Validates every entry and stores them all, or none: one bad entry rejects the batch with its index (<c>[3].ip</c>).</summary>
    public async Task<IngestResult> IngestAsync(string accountReference, IReadOnlyList<AccessEventInput?> rows, CancellationToken ct = default)
    {
        if (rows.Count > MaxBatch) return new IngestResult(0, [new("batch.tooLarge", $"Send at most {MaxBatch:N0} entries per call.", "")], TooLarge: true);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reference = accountReference.Trim();
        var account = await db.Accounts.AsNoTracking().Where(a => a.Reference == reference)
            .Select(a => new { a.Id, a.CustomerId, a.Reference }).FirstOrDefaultAsync(ct);
        if (account is null) return new IngestResult(0, [new("account.notFound", $"No account {reference}.", "")], AccountNotFound: true);

        var now = time.UtcNow;
        var records = new List<AccessRecord>(rows.Count);
        var findings = new List<Finding>();
        var bad = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null)
            {
                if (bad++ < MaxReported) findings.Add(new("entry.required", "An entry must be an object with ip, at and kind.", $"[{i}]"));
                continue;
            }
            var (record, rowFindings) = AccessEventRules.Check(row.Ip, row.At, row.Kind, now);
            if (record is not null) records.Add(record);
            else if (bad++ < MaxReported) findings.AddRange(rowFindings.Select(f => f with { Field = $"[{i}].{f.Field}" }));
        }
        if (bad > MaxReported) findings.Add(new("batch.moreErrors", $"{bad - MaxReported:N0} more entries are invalid.", ""));
        if (bad > 0) return new IngestResult(0, findings);

        await StoreAsync(db, account.Id, account.CustomerId, account.Reference, records, ct);
        return new IngestResult(records.Count, []);
    }

    /// <summary>
    /// Reads a CSV file with the header <c>ip,at,kind</c> (BOM, CRLF or LF allowed). Every bad line is reported with its
    /// number; a file with any bad line cannot be committed.
    /// </summary>
    public async Task<CsvParseResult> ParseCsvAsync(Stream stream, long maxBytes = MaxCsvBytes, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return Rejected($"The file is larger than {maxBytes / (1024.0 * 1024):0.#} MB.");
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        var header = await reader.ReadLineAsync(ct);
        if (header is null) return Rejected("The file is empty.");
        var columns = header.Trim().TrimStart('\uFEFF').Split(',').Select(c => Unquote(c).ToLowerInvariant());
        if (!columns.SequenceEqual(["ip", "at", "kind"]))
            return Rejected($"line 1: the header must be ip,at,kind (found '{(header.Length > 60 ? header[..60] + "…" : header)}').");

        var now = time.UtcNow;
        var rows = new List<AccessRecord>();
        var findings = new List<Finding>();
        var bad = 0;
        var number = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(',');
            List<Finding> lineFindings;
            if (fields.Length != 3)
                lineFindings = [new("csv.columns", $"{fields.Length} columns, expected 3 (ip,at,kind).", "file")];
            else
            {
                (var record, lineFindings) = AccessEventRules.Check(Unquote(fields[0]), Unquote(fields[1]), Unquote(fields[2]), now);
                if (record is not null) rows.Add(record);
            }
            if (lineFindings.Count > 0 && bad++ < MaxReported)
                findings.AddRange(lineFindings.Select(f => new Finding(f.Code, $"line {number}: {f.Message}", "file")));
        }
        if (bad > MaxReported) findings.Add(new("csv.moreErrors", $"{bad - MaxReported:N0} more lines have errors.", "file"));
        if (rows.Count + bad == 0) findings.Add(new("csv.noRows", "The file holds no records, only the header.", "file"));
        if (rows.Count + bad > MaxCsvRows)
            findings.Add(new("csv.tooManyRows", $"The file holds {rows.Count + bad:N0} records; import at most {MaxCsvRows:N0} per file.", "file"));
        return new CsvParseResult(rows, findings, bad);
    }

    /// <summary>Stores a parsed file in one transaction with one audit entry; refuses a file with findings.</summary>
    public async Task<IngestResult> CommitCsvAsync(Guid accountId, CsvParseResult parsed, CancellationToken ct = default)
    {
        if (!parsed.CanCommit) return new IngestResult(0, parsed.Findings.Count > 0 ? parsed.Findings : [new("csv.noRows", "Nothing to import.", "file")]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Id, a.CustomerId, a.Reference }).FirstOrDefaultAsync(ct);
        if (account is null) return new IngestResult(0, [new("account.notFound", "The account no longer exists.", "")], AccountNotFound: true);
        await StoreAsync(db, account.Id, account.CustomerId, account.Reference, parsed.Rows, ct);
        return new IngestResult(parsed.Rows.Count, []);
    }

    /// <summary>
    /// A page of one account's records, newest first, by address or CIDR block (a range of the 16-byte form) and time range.
    /// </summary>
    public async Task<AccessEventPage> SearchAsync(Guid accountId, string? addressOrCidr, DateTime? fromUtc, DateTime? toUtc, int skip, int take,
        CancellationToken ct = default)
    {
        byte[] low = [], high = [];
        if (!string.IsNullOrWhiteSpace(addressOrCidr) && !IpAddresses.TryParseRange(addressOrCidr, out low, out high))
            return new AccessEventPage([], 0, [new("address.invalid",
                $"'{addressOrCidr.Trim()}' is not an IP address or CIDR block (for example 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32).", "address")]);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SQLite compares BLOBs with memcmp, so a CIDR block is a range on the (AccountId, IpBytes) index; LINQ has no byte[] ordering.
        var query = low.Length == 0
            ? db.AccessEvents.AsNoTracking()
            : db.AccessEvents.FromSql($"SELECT * FROM \"AccessEvents\" WHERE \"IpBytes\" >= {low} AND \"IpBytes\" <= {high}").AsNoTracking();
        query = query.Where(e => e.AccountId == accountId);
        if (fromUtc is { } from) query = query.Where(e => e.AtUtc >= from);
        if (toUtc is { } to) query = query.Where(e => e.AtUtc <= to);

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(e => new AccessEventRow(e.Id, e.AtUtc, e.Ip, e.Kind))
            .ToListAsync(ct);
        return new AccessEventPage(rows, total, []);
    }

    /// <summary>The account, its customer, and what its records hold: count, first and last seen, distinct addresses. Null for an unknown account.</summary>
    public async Task<AccessSummary?> SummaryAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a.Reference, a.CustomerId, c.LegalName })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var events = db.AccessEvents.Where(e => e.AccountId == accountId);
        var stats = await events.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), First = g.Min(e => e.AtUtc), Last = g.Max(e => e.AtUtc) })
            .FirstOrDefaultAsync(ct);
        var distinct = stats is null ? 0 : await events.Select(e => e.IpBytes).Distinct().CountAsync(ct);
        return new AccessSummary(accountId, head.Reference, head.CustomerId, head.LegalName,
            stats?.Count ?? 0, stats?.First, stats?.Last, distinct);
    }

    /// <summary>
    /// A customer's IP access records across all its accounts (proposed § 7.302: IP addresses with the date and time of each
    /// access): count, first and last, distinct addresses, and the latest <paramref name="latest"/> records, newest first.
    /// </summary>
    public async Task<CustomerAccess> CustomerAccessAsync(Guid customerId, int latest = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.CustomerId == customerId)
            .ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        var ids = accounts.Keys.ToList();
        var events = db.AccessEvents.AsNoTracking().Where(e => ids.Contains(e.AccountId));
        var stats = await events.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), First = g.Min(e => e.AtUtc), Last = g.Max(e => e.AtUtc) })
            .FirstOrDefaultAsync(ct);
        if (stats is null) return new CustomerAccess(0, null, null, 0, []);
        var distinct = await events.Select(e => e.IpBytes).Distinct().CountAsync(ct);
        var rows = await events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(Math.Max(0, latest))
            .Select(e => new { e.AccountId, e.AtUtc, e.Ip, e.Kind }).ToListAsync(ct);
        return new CustomerAccess(stats.Count, stats.First, stats.Last, distinct,
            [.. rows.Select(r => new CustomerAccessRow(accounts[r.AccountId], r.AtUtc, r.Ip, r.Kind))]);
    }

    private static async Task StoreAsync(PortalDbContext db, Guid accountId, Guid customerId, string reference, IReadOnlyList<AccessRecord> records,
        CancellationToken ct)
    {
        // Thousands of new rows: no change detection per Add. It is back on for the save, which must see the audit head the
        // interceptor advances during SavingChanges.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AccessEvents.AddRange(records.Select(r => new AccessEvent(accountId, r.Ip, r.IpBytes, r.AtUtc, r.Kind)));
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditBulk<AccessEvent>("import", "AccessEvents", reference, customerId.ToString(), records.Count, Payload(records));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The canonical CSV of a batch, whose SHA-256 the audit entry keeps.</summary>
    internal static byte[] Payload(IEnumerable<AccessRecord> records)
    {
        var text = new StringBuilder("ip,at,kind\n");
        foreach (var r in records) text.Append(AccessEventRules.CanonicalLine(r)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static CsvParseResult Rejected(string message) => new([], [new("csv.invalid", message, "file")], 0);

    private static string Unquote(string field)
    {
        var t = field.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Trim() : t;
    }
}
