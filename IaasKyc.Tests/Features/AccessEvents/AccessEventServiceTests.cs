using System.Security.Cryptography;
using System.Text;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.AccessEvents;

public sealed class AccessEventServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb services = new();

    public AccessEventServiceTests() => services.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 18, 15, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AccessEventService Service => services.Get<AccessEventService>();

    public ValueTask DisposeAsync() => services.DisposeAsync();

    internal static IntakeInput Customer(params string[] accounts) => new("entity", "Nordlicht Rechenzentrum GmbH", null, null, "DE",
        new AddressInput("Friedrichstrasse 1", null, "Berlin", null, "10117", "DE"), "ops@nordlicht.example", "+49 30 1234567", null,
        [.. accounts.Select(a => new AccountInput(a, new PaymentMeansInput("card", "DE", "4111111111111111"), "customer", null))]);

    private async Task<(Guid CustomerId, Guid AccountId)> AccountAsync(string reference = "ACC-1")
    {
        var outcome = await services.Get<CustomerService>().CreateAsync(Customer(reference));
        Assert.True(outcome.Ok, outcome.Message);
        await using var db = await services.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var account = await db.Accounts.SingleAsync(a => a.Reference == reference);
        return (outcome.Id!.Value, account.Id);
    }

    private async Task<Guid> AccountWithAsync(params (string Ip, string At)[] events)
    {
        var (_, accountId) = await AccountAsync();
        var result = await Service.IngestAsync("ACC-1", [.. events.Select(e => new AccessEventInput(e.Ip, e.At, "access"))]);
        Assert.True(result.Ok);
        return accountId;
    }

    private async Task<List<string>> FindAsync(Guid accountId, string? address, DateTime? from = null, DateTime? to = null)
    {
        var page = await Service.SearchAsync(accountId, address, from, to, 0, 200);
        Assert.Empty(page.Findings);
        return [.. page.Rows.Select(r => r.Ip)];
    }

    [Fact]
    public async Task Ingest_stores_every_row_and_one_audit_entry_with_the_count_and_sha256()
    {
        var (customerId, accountId) = await AccountAsync();
        AccessEventInput[] rows =
        [
            new("203.0.113.7", "2026-11-28T10:00:00Z", "access"),
            new("2001:DB8::1", "2026-11-28T12:30:00+02:00", "ADMINISTRATION"),
            new("::ffff:198.51.100.4", "2026-11-29T18:19:00Z", "Access"),
        ];

        var result = await Service.IngestAsync("ACC-1", rows, Ct);

        Assert.True(result.Ok);
        Assert.Equal(3, result.Stored);
        await using var db = await services.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.AccessEvents.OrderBy(e => e.AtUtc).ToListAsync(Ct);
        Assert.Equal(["203.0.113.7", "2001:db8::1", "198.51.100.4"], stored.Select(e => e.Ip));
        Assert.Equal(new DateTime(2026, 11, 28, 10, 30, 0, DateTimeKind.Utc), stored[1].AtUtc);
        Assert.Equal(AccessKind.Administration, stored[1].Kind);
        Assert.All(stored, e => Assert.Equal(accountId, e.AccountId));
        var audit = await db.AuditEntries.Where(a => a.EntityType == "AccessEvents").ToListAsync(Ct);
        var entry = Assert.Single(audit);
        Assert.Equal("ACC-1", entry.EntityId);
        Assert.Equal(customerId.ToString(), entry.SubjectId);
        Assert.Contains("\"count\"", entry.ChangesJson);
        Assert.Contains("\"3\"", entry.ChangesJson);
        var records = rows.Select(r => AccessEventRules.Check(r.Ip, r.At, r.Kind, services.Clock.GetUtcNow().UtcDateTime).Record!);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(AccessEventService.Payload(records))), entry.ChangesJson);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityType).ToListAsync(Ct), t => t == nameof(AccessEvent));
    }

    [Fact]
    public async Task After_an_ingest_the_audit_chain_verifies_and_later_changes_continue_it()
    {
        await AccountAsync();
        await Service.IngestAsync("ACC-1", [new("203.0.113.7", "2026-11-28T10:00:00Z", "access")], Ct);

        await services.Get<CustomerService>().CreateAsync(Customer("ACC-2") with { Email = "other@nordlicht.example" }, Ct);
        var verification = await services.Get<IaasKyc.Portal.Features.Audit.AuditService>().VerifyAsync(ct: Ct);

        Assert.True(verification.Ok);
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_batch_with_its_index_and_stores_nothing()
    {
        await AccountAsync();
        AccessEventInput[] rows =
        [
            new("203.0.113.7", "2026-11-28T10:00:00Z", "access"),
            new("203.0.113", "2026-11-28T10:00:00Z", "access"),
            new("203.0.113.8", "2026-11-28T10:00:00", "access"),
            new("203.0.113.9", "2026-11-28T10:00:00Z", "login"),
            new("203.0.113.9", "2026-11-29T18:21:00Z", "access"),
            new("203.0.113.9", "1989-12-31T23:59:59Z", "access"),
        ];

        var result = await Service.IngestAsync("ACC-1", rows, Ct);

        Assert.False(result.Ok);
        Assert.Equal(0, result.Stored);
        Assert.Equal(["[1].ip", "[2].at", "[3].kind", "[4].at", "[5].at"], result.Findings.Select(f => f.Field));
        Assert.Contains("'203.0.113' is not an IP address", result.Findings[0].Message);
        await using var db = await services.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.AccessEvents.CountAsync(Ct));
    }

    [Fact]
    public async Task Ingest_into_an_unknown_account_is_not_found_and_stores_nothing()
    {
        await AccountAsync();

        var result = await Service.IngestAsync("ACC-404", [new("203.0.113.7", "2026-11-28T10:00:00Z", "access")], Ct);

        Assert.True(result.AccountNotFound);
        Assert.Equal(0, result.Stored);
    }

    [Fact]
    public async Task More_than_ten_thousand_rows_are_refused_as_too_large()
    {
        await AccountAsync();
        var rows = Enumerable.Repeat(new AccessEventInput("203.0.113.7", "2026-11-28T10:00:00Z", "access"), 10_001).ToList();

        var result = await Service.IngestAsync("ACC-1", rows, Ct);

        Assert.True(result.TooLarge);
    }

    [Fact]
    public async Task A_good_csv_file_parses_into_a_preview_and_commits_every_row()
    {
        var (_, accountId) = await AccountAsync();
        var csv = new StringBuilder("ip,at,kind\n");
        for (var i = 0; i < 25; i++) csv.Append($"10.0.0.{i},2026-11-28T10:{i:00}:00Z,access\n");

        var parsed = await Service.ParseCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), ct: Ct);
        var committed = await Service.CommitCsvAsync(accountId, parsed, Ct);

        Assert.True(parsed.CanCommit);
        Assert.Equal(25, parsed.Rows.Count);
        Assert.Equal(20, parsed.Preview.Count());
        Assert.Equal(25, committed.Stored);
        Assert.Equal(25, (await Service.SummaryAsync(accountId, Ct))!.Count);
    }

    [Fact]
    public async Task A_csv_file_with_a_BOM_CRLF_line_ends_and_a_spaced_header_parses()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(" IP , At ,KIND\r\n203.0.113.7,2026-11-28T10:00:00Z,administration\r\n2001:db8::1,2026-11-28T11:00:00-05:00,access\r\n\r\n")).ToArray();

        var parsed = await Service.ParseCsvAsync(new MemoryStream(bytes), ct: Ct);

        Assert.Empty(parsed.Findings);
        Assert.Equal(["203.0.113.7", "2001:db8::1"], parsed.Rows.Select(r => r.Ip));
        Assert.Equal(new DateTime(2026, 11, 28, 16, 0, 0, DateTimeKind.Utc), parsed.Rows[1].AtUtc);
    }

    [Fact]
    public async Task A_csv_file_with_the_wrong_header_is_rejected_on_line_1()
    {
        var parsed = await Service.ParseCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes("address,time,kind\n203.0.113.7,2026-11-28T10:00:00Z,access\n")), ct: Ct);

        var finding = Assert.Single(parsed.Findings);
        Assert.StartsWith("line 1: the header must be ip,at,kind", finding.Message);
        Assert.False(parsed.CanCommit);
    }

    [Fact]
    public async Task Bad_csv_lines_are_reported_with_their_line_numbers_and_the_file_cannot_be_committed()
    {
        var (_, accountId) = await AccountAsync();
        var csv = "ip,at,kind\n203.0.113.7,2026-11-28T10:00:00Z,access\nabc,2026-11-28T10:00:00Z,access\n203.0.113.8,yesterday,access\n203.0.113.9,2026-11-28T10:00:00Z\n";

        var parsed = await Service.ParseCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ct: Ct);
        var committed = await Service.CommitCsvAsync(accountId, parsed, Ct);

        Assert.Equal(3, parsed.BadLines);
        Assert.Equal(["line 3: 'abc' is not an IP address (IPv4 or IPv6).", "line 4: 'yesterday' is not an ISO 8601 time with an offset or Z (for example 2026-11-29T14:05:00Z).",
            "line 5: 2 columns, expected 3 (ip,at,kind)."], parsed.Findings.Select(f => f.Message));
        Assert.False(parsed.CanCommit);
        Assert.False(committed.Ok);
        Assert.Equal(0, (await Service.SummaryAsync(accountId, Ct))!.Count);
    }

    [Fact]
    public async Task A_csv_file_over_the_size_limit_is_rejected()
    {
        var parsed = await Service.ParseCsvAsync(new MemoryStream(new byte[2048]), maxBytes: 1024, ct: Ct);

        Assert.Contains("larger than", Assert.Single(parsed.Findings).Message);
    }

    [Fact]
    public async Task Search_by_an_exact_IPv4_address_finds_only_that_address()
    {
        var accountId = await AccountWithAsync(("203.0.113.7", "2026-11-28T10:00:00Z"), ("203.0.113.70", "2026-11-28T11:00:00Z"),
            ("203.0.113.7", "2026-11-28T12:00:00Z"), ("203.0.113.6", "2026-11-28T13:00:00Z"));

        var found = await FindAsync(accountId, "203.0.113.7");

        Assert.Equal(["203.0.113.7", "203.0.113.7"], found);
    }

    [Fact]
    public async Task Search_by_an_IPv4_slash_24_finds_the_block_and_nothing_next_to_it()
    {
        var accountId = await AccountWithAsync(("203.0.112.255", "2026-11-28T10:00:00Z"), ("203.0.113.0", "2026-11-28T11:00:00Z"),
            ("203.0.113.255", "2026-11-28T12:00:00Z"), ("203.0.114.0", "2026-11-28T13:00:00Z"), ("2001:db8::1", "2026-11-28T14:00:00Z"));

        var found = await FindAsync(accountId, "203.0.113.99/24");

        Assert.Equal(["203.0.113.255", "203.0.113.0"], found);
    }

    [Fact]
    public async Task Search_by_an_IPv6_slash_48_finds_the_block_and_nothing_next_to_it()
    {
        var accountId = await AccountWithAsync(("2001:db8:abcd::1", "2026-11-28T10:00:00Z"), ("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", "2026-11-28T11:00:00Z"),
            ("2001:db8:abce::", "2026-11-28T12:00:00Z"), ("2001:db8:abcc:ffff::1", "2026-11-28T13:00:00Z"), ("203.0.113.7", "2026-11-28T14:00:00Z"));

        var found = await FindAsync(accountId, "2001:db8:abcd::/48");

        Assert.Equal(["2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", "2001:db8:abcd::1"], found);
    }

    [Fact]
    public async Task Slash_0_blocks_find_every_IPv4_address_or_every_address()
    {
        var accountId = await AccountWithAsync(("0.0.0.0", "2026-11-28T10:00:00Z"), ("255.255.255.255", "2026-11-28T11:00:00Z"),
            ("::", "2026-11-28T12:00:00Z"), ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "2026-11-28T13:00:00Z"));

        var ipv4 = await FindAsync(accountId, "0.0.0.0/0");
        var all = await FindAsync(accountId, "::/0");

        Assert.Equal(["255.255.255.255", "0.0.0.0"], ipv4);
        Assert.Equal(4, all.Count);
    }

    [Fact]
    public async Task An_IPv4_mapped_IPv6_address_and_its_IPv4_form_find_the_same_records()
    {
        var accountId = await AccountWithAsync(("::ffff:203.0.113.7", "2026-11-28T10:00:00Z"), ("203.0.113.7", "2026-11-28T11:00:00Z"));

        var byIpv4 = await FindAsync(accountId, "203.0.113.7");
        var byMapped = await FindAsync(accountId, "::ffff:203.0.113.7");
        var byMappedBlock = await FindAsync(accountId, "::ffff:203.0.113.0/120");

        Assert.Equal(["203.0.113.7", "203.0.113.7"], byIpv4);
        Assert.Equal(byIpv4, byMapped);
        Assert.Equal(byIpv4, byMappedBlock);
    }

    [Fact]
    public async Task Search_by_time_range_returns_newest_first_and_pages_with_the_total()
    {
        var accountId = await AccountWithAsync(("10.0.0.1", "2026-11-27T10:00:00Z"), ("10.0.0.2", "2026-11-28T10:00:00Z"),
            ("10.0.0.3", "2026-11-28T11:00:00Z"), ("10.0.0.4", "2026-11-28T12:00:00Z"), ("10.0.0.5", "2026-11-29T10:00:00Z"));
        var from = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

        var first = await Service.SearchAsync(accountId, null, from, to, 0, 2, Ct);
        var second = await Service.SearchAsync(accountId, "10.0.0.0/8", from, to, 2, 2, Ct);

        Assert.Equal(3, first.Total);
        Assert.Equal(["10.0.0.4", "10.0.0.3"], first.Rows.Select(r => r.Ip));
        Assert.Equal(["10.0.0.2"], second.Rows.Select(r => r.Ip));
    }

    [Fact]
    public async Task Search_stays_within_the_account()
    {
        var accountId = await AccountWithAsync(("203.0.113.7", "2026-11-28T10:00:00Z"));
        await services.Get<CustomerService>().CreateAsync(Customer("ACC-2") with { Email = "other@nordlicht.example" }, Ct);
        await Service.IngestAsync("ACC-2", [new("203.0.113.7", "2026-11-28T10:00:00Z", "access")], Ct);

        var found = await FindAsync(accountId, "203.0.113.0/24");

        Assert.Single(found);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("203.0.113.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("203.0.113")]
    public async Task A_bad_address_or_block_is_a_finding_on_the_address_field(string address)
    {
        var accountId = await AccountWithAsync(("203.0.113.7", "2026-11-28T10:00:00Z"));

        var page = await Service.SearchAsync(accountId, address, null, null, 0, 50, Ct);

        Assert.Equal("address", Assert.Single(page.Findings).Field);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Summary_counts_records_first_and_last_seen_and_distinct_addresses()
    {
        var accountId = await AccountWithAsync(("203.0.113.7", "2026-11-28T10:00:00Z"), ("::ffff:203.0.113.7", "2026-11-28T11:00:00Z"),
            ("2001:db8::1", "2026-11-27T09:00:00Z"));

        var summary = await Service.SummaryAsync(accountId, Ct);

        Assert.NotNull(summary);
        Assert.Equal("ACC-1", summary.Reference);
        Assert.Equal("Nordlicht Rechenzentrum GmbH", summary.CustomerName);
        Assert.Equal(3, summary.Count);
        Assert.Equal(2, summary.DistinctAddresses);
        Assert.Equal(new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc), summary.FirstUtc);
        Assert.Equal(new DateTime(2026, 11, 28, 11, 0, 0, DateTimeKind.Utc), summary.LastUtc);
    }
}
