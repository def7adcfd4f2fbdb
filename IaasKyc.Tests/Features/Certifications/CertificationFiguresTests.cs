using IaasKyc.Domain.Certifications;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Features.Cip;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Certifications;

/// <summary>
/// The figures against a seeded book of customers whose true answers the test keeps on the side as it builds them (its own
/// timeline per customer), never read back from the database. Today is 2026-06-15 in New York.
/// </summary>
public sealed class CertificationFiguresTests : IAsyncDisposable
{
    private static readonly string[] Countries = ["US", "DE", "FR", "GB", "BR", "SG"];
    private static readonly HashSet<CustomerStatus> Customer = [CustomerStatus.Submitted, CustomerStatus.Escalated, CustomerStatus.Restricted, CustomerStatus.Verified];

    private readonly ServiceTestDb db = new();
    private readonly List<Truth> book = [];

    private sealed record Truth(Guid Id, string Name, string? Country, bool? UsPerson, DateTime Created, List<(CustomerStatus To, DateTime At)> Timeline,
        List<(DateTime Opened, DateTime? Closed)> Accounts, List<(string? Country, bool Counted)> ForeignOwners);

    public ValueTask DisposeAsync() => db.DisposeAsync();

    /// <summary>The end of a local day in New York (EDT, UTC-4 in spring).</summary>
    private static DateTime EndOf(DateOnly day) => day.AddDays(1).ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc);

    private async Task SeedAsync(int count = 90)
    {
        var random = new Random(20260615);
        var epoch = Make.Utc(2026, 1, 5, 9);
        await using var ctx = db.NewContext();
        for (var i = 0; i < count; i++)
        {
            var at = epoch.AddHours(random.Next(0, 24 * 170));
            var country = random.Next(12) == 0 ? null : Countries[random.Next(Countries.Length)];
            bool? us = random.Next(10) == 0 ? null : country == "US";
            var entity = random.Next(3) == 0;
            var c = new Customer(Guid.NewGuid(), entity ? CustomerKind.Entity : CustomerKind.Individual, $"Customer {i:000}", "officer", at);
            var truth = new Truth(c.Id, c.LegalName, country, us, at, [(CustomerStatus.Draft, at)], [], []);
            if (country is not null) c.SetContact(new Address("1 Main Street", null, "Town", null, "10000", country), $"c{i}@example.test", "+15555550100", "officer", at);
            if (us is { } u) c.SetDetermination(u, "Recorded basis", null, null, "officer", at);
            for (var a = random.Next(0, 4); a > 0; a--)
            {
                var opened = at.AddHours(random.Next(1, 24 * 40));
                var account = c.AddAccount($"ACC-{i:000}-{a}", PaymentMeansType.Card, false, country ?? "US", "enc", "****0001", PaymentSource.Customer, null, opened, "officer");
                DateTime? closed = random.Next(5) == 0 ? opened.AddHours(random.Next(1, 24 * 60)) : null;
                if (closed is { } cl) account.Close(cl);
                truth.Accounts.Add((opened, closed));
            }
            Lifecycle(c, truth, random, at);
            if (entity && us == false) await OwnersAsync(ctx, c, truth, random, at);
            ctx.Customers.Add(c);
            book.Add(truth);
        }
        await ctx.SaveChangesAsync();
    }

    /// <summary>A random path through the lifecycle, each step some hours after the last (some after the day the figures are taken on).</summary>
    private static void Lifecycle(Customer c, Truth truth, Random random, DateTime at)
    {
        void Step(CustomerStatus to, Action<DateTime> act)
        {
            at = at.AddHours(random.Next(1, 24 * 25));
            act(at);
            truth.Timeline.Add((to, at));
        }
        var path = random.Next(8);
        if (path == 0) return;
        Step(CustomerStatus.Submitted, t => c.Submit("officer", t));
        switch (path)
        {
            case 1: Step(CustomerStatus.Verified, t => c.Verify("approver", t, "{}", "2026.1", new DateOnly(2029, 1, 1), null)); break;
            case 2: Step(CustomerStatus.Restricted, t => c.Restrict("Read-only console", "approver", t)); break;
            case 3: Step(CustomerStatus.Escalated, t => c.Escalate("Unclear ownership", "officer", t)); break;
            case 4: Step(CustomerStatus.Rejected, t => c.Reject("approver", t, "Document forged", "2026.1")); break;
            case 5:
                Step(CustomerStatus.Rejected, t => c.Reject("approver", t, "Address unproven", "2026.1"));
                Step(CustomerStatus.Submitted, t => c.Submit("officer", t));
                Step(CustomerStatus.Verified, t => c.Verify("approver", t, "{}", "2026.1", new DateOnly(2029, 1, 1), "Utility bill"));
                break;
            case 6:
                Step(CustomerStatus.Rejected, t => c.Reject("approver", t, "No reply", "2026.1"));
                Step(CustomerStatus.Closed, t => c.Close("Refused customer", "officer", t));
                break;
            default:
                Step(CustomerStatus.Verified, t => c.Verify("approver", t, "{}", "2026.1", new DateOnly(2029, 1, 1), null));
                Step(CustomerStatus.Closed, t => c.Close("Left", "officer", t));
                break;
        }
        if (c.ClosedAtUtc is { } closedAt)
        {
            for (var k = 0; k < truth.Accounts.Count; k++)
                truth.Accounts[k] = (truth.Accounts[k].Opened, truth.Accounts[k].Closed ?? closedAt);
        }
    }

    /// <summary>Two or three owners in the structure (foreign or not) and a foreign profile whose node left it (never counted).</summary>
    private static async Task OwnersAsync(Portal.Data.PortalDbContext ctx, Customer c, Truth truth, Random random, DateTime at)
    {
        var nodes = new List<string> { $$"""{"key":"customer","kind":"entity","name":"{{c.LegalName}}"}""" };
        var n = random.Next(2, 4);
        for (var k = 0; k <= n; k++)
        {
            var key = $"p{k}";
            var stale = k == n;
            var usPerson = random.Next(3) == 0;
            var country = Countries[random.Next(Countries.Length)];
            var input = new OwnerProfileInput("1970-01-01", country, new AddressInput("2 High Street", null, "City", null, "20000", country), $"o{k}@example.test",
                "+1 415 555 0134", null, null, null, usPerson, "Passport seen");
            var (parsed, findings) = OwnerRules.Profile(input, $"Owner {k}", new DateOnly(2026, 6, 15));
            Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Message)));
            var profile = new OwnerProfile(c.Id, key);
            profile.Set(parsed!, null, null, false, "officer", at);
            ctx.OwnerProfiles.Add(profile);
            if (!stale) nodes.Add($$"""{"key":"{{key}}","kind":"individual","name":"Owner {{k}}"}""");
            if (!usPerson) truth.ForeignOwners.Add((country, !stale));
        }
        ctx.OwnershipStructures.Add(new OwnershipStructure { CustomerId = c.Id, NodesJson = "[" + string.Join(",", nodes) + "]", EdgesJson = "[]", UpdatedBy = "officer", UpdatedAtUtc = at });
        await Task.CompletedTask;
    }

    private static CustomerStatus? StatusAt(Truth t, DateTime end) =>
        t.Created >= end ? null : t.Timeline.Where(x => x.At < end).Select(x => (CustomerStatus?)x.To).LastOrDefault();

    private static List<CountryCount> Expected(IEnumerable<(string? Country, int Count)> rows) =>
        [.. rows.GroupBy(r => r.Country ?? "").Select(g => new CountryCount(g.Key, g.Sum(r => r.Count))).Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Country, StringComparer.Ordinal)];

    private void AssertFigures(CertificationFigures f, DateOnly asOf, DateOnly? periodStart)
    {
        var end = EndOf(asOf);
        var start = periodStart is { } p ? EndOf(p) : DateTime.MinValue;
        var counted = book.Where(t => StatusAt(t, end) is { } s && Customer.Contains(s)).ToList();
        int OpenAccounts(Truth t) => t.Accounts.Count(a => a.Opened < end && (a.Closed is null || a.Closed >= end));

        Assert.Equal(Expected(counted.Select(t => (t.Country, 1))), f.CustomersByCountry);
        Assert.Equal(Expected(counted.Select(t => (t.Country, OpenAccounts(t)))), f.AccountsByCountry);
        Assert.Equal(Expected(counted.SelectMany(t => t.ForeignOwners.Where(o => o.Counted)).Select(o => (o.Country, 1))), f.ForeignOwnersByCountry);
        Assert.Equal(counted.Where(t => t.UsPerson == false && StatusAt(t, end) != CustomerStatus.Verified).Sum(OpenAccounts), f.ForeignAccountsNotVerified);
        var failed = book.SelectMany(t => t.Timeline.Where(x => x.To == CustomerStatus.Rejected && x.At > start && x.At < end).Select(x => (t.Id, x.At)))
            .OrderBy(x => x.At).ThenBy(x => x.Id).ToList();
        Assert.Equal(failed, f.FailedVerifications.Select(v => (Id: v.CustomerId, At: v.RejectedAtUtc)).OrderBy(x => x.At).ThenBy(x => x.Id).ToList());
        Assert.True(counted.Count > 10 && f.FailedVerifications.Count > 0 && f.ForeignOwners > 0 && f.ForeignAccountsNotVerified > 0,
            "the seeded book should exercise every figure");
    }

    [Fact]
    public async Task Every_figure_matches_an_independent_count_of_the_seeded_book_as_of_today_and_as_of_a_past_day()
    {
        await SeedAsync();
        var query = db.Get<CertificationFiguresQuery>();

        AssertFigures(await query.ComputeAsync(new DateOnly(2026, 6, 15), null), new DateOnly(2026, 6, 15), null);
        AssertFigures(await query.ComputeAsync(new DateOnly(2026, 4, 30), null), new DateOnly(2026, 4, 30), null);
        AssertFigures(await query.ComputeAsync(new DateOnly(2026, 6, 15), new DateOnly(2026, 3, 31)), new DateOnly(2026, 6, 15), new DateOnly(2026, 3, 31));
    }

    [Fact]
    public async Task Each_failed_verification_says_how_it_was_resolved_by_the_day()
    {
        await SeedAsync();

        var f = await db.Get<CertificationFiguresQuery>().ComputeAsync(new DateOnly(2026, 6, 15), null);

        var end = EndOf(new DateOnly(2026, 6, 15));
        foreach (var v in f.FailedVerifications)
        {
            var t = book.Single(b => b.Id == v.CustomerId);
            var next = t.Timeline.Where(x => x.At > v.RejectedAtUtc && x.At < end).Select(x => x.To).LastOrDefault(CustomerStatus.Rejected);
            var expected = next switch
            {
                CustomerStatus.Verified => "Corrected and verified",
                CustomerStatus.Closed => "Record closed",
                CustomerStatus.Submitted => "Resubmitted on",
                _ => "Refused: no access given",
            };
            Assert.StartsWith(expected, v.Resolution, StringComparison.Ordinal);
            Assert.Contains(v.Reason, new[] { "Document forged", "Address unproven", "No reply" });
        }
    }

    [Fact]
    public async Task The_certification_keeps_the_CIP_in_force_on_the_day_with_its_contact_and_texts()
    {
        var published = await db.Get<CipService>().PublishAsync(new CipDraft("Passport or national ID, checked against two databases.", "Read-only", "Closed after 30 days",
            "Closed", "Notice v1", "Abuse desk 24/7, flow logs, anomaly detection", "Dana Whitfield", "CIP Officer", "dana@provider.example", "+1 202 555 0100"));
        Assert.True(published.Ok, published.Message);

        var before = await db.Get<CertificationFiguresQuery>().ComputeAsync(new DateOnly(2026, 6, 14), null);
        var today = await db.Get<CertificationFiguresQuery>().ComputeAsync(new DateOnly(2026, 6, 15), null);

        Assert.Null(before.Cip);
        Assert.Equal(("CIP v1", "Dana Whitfield", "+12025550100"), (today.Cip!.Version, today.Cip.ContactName, today.Cip.ContactPhone));
        Assert.Equal("Abuse desk 24/7, flow logs, anomaly detection", today.Cip.AbuseDetectionResources);
        Assert.Equal("Passport or national ID, checked against two databases.", today.Cip.VerificationProcedures);
    }
}
