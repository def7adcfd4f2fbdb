using System.Security.Cryptography;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IaasKyc.Tests.Features.Customers;

/// <summary>The customer service over real SQLite in memory, with the audit interceptor; each user acts in a scope of their own.</summary>
public sealed class CustomerServiceTests : IDisposable
{
    private const string Officer = "officer@x";
    private const string Approver = "approver@x";
    private const string PassportNumber = "C01X00T47";
    private const string CardNumber = "4111111111111111";

    private readonly SqliteConnection connection = new("Filename=:memory:");
    private readonly ServiceProvider provider;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));

    public CustomerServiceTests()
    {
        connection.Open();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        services.AddPortalData(o => o.UseSqlite(connection));
        services.AddPortalFeatures();
        provider = services.BuildServiceProvider(validateScopes: true);
        using var db = Db();
        db.Database.EnsureCreated();
        RulePackService.EnsureDefaultAsync(db, clock.GetUtcNow().UtcDateTime).GetAwaiter().GetResult();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalDbContext Db() => new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options);

    /// <summary>Runs <paramref name="work"/> as <paramref name="user"/> in a scope of its own.</summary>
    private async Task<T> As<T>(string user, Func<CustomerService, Task<T>> work)
    {
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(user);
        return await work(scope.ServiceProvider.GetRequiredService<CustomerService>());
    }

    private async Task<CustomerDetail> Get(Guid id)
    {
        await using var scope = provider.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!;
    }

    private static IntakeInput Foreign(string reference = "ACC-DE-1", bool withDetermination = true) => new(
        "entity", "Nordlicht Rechenzentrum GmbH", null, "2015-03-01", "DE",
        new AddressInput("Friedrichstraße 123", null, "Berlin", null, "10117", "DE"), "kyc@nordlicht.example", "030 1234567",
        withDetermination ? new DeterminationInput(false, "Declared foreign address; German commercial register extract", "2026-11-20", "CIP v1") : null,
        [new AccountInput(reference, new PaymentMeansInput("card", "DE", CardNumber), "customer", null)]);

    private async Task<Guid> CreateForeignAsync()
    {
        var outcome = await As(Officer, s => s.CreateAsync(Foreign(), Ct));
        Assert.True(outcome.Ok, outcome.Message);
        return outcome.Id!.Value;
    }

    private async Task<Outcome> AddPassportAsync(Guid id) =>
        await As(Officer, async s => await s.AddDocumentaryEvidenceAsync(id, (await Get(id)).Version, "Passport", PassportNumber, "DE",
            new DateOnly(2031, 5, 1), null, Ct));

    private async Task<Guid> SubmittedForeignAsync()
    {
        var id = await CreateForeignAsync();
        Assert.True((await AddPassportAsync(id)).Ok);
        var submitted = await As(Officer, async s => await s.SubmitAsync(id, (await Get(id)).Version, Ct));
        Assert.True(submitted.Ok, submitted.Message);
        return id;
    }

    [Fact]
    public async Task Two_people_adding_evidence_from_the_same_version_conflict_even_in_the_same_tick()
    {
        var id = await CreateForeignAsync();
        var seen = (await Get(id)).Version;
        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();
        first.ServiceProvider.GetRequiredService<AuditActor>().Use(Officer);
        second.ServiceProvider.GetRequiredService<AuditActor>().Use("officer2@x");

        var one = await first.ServiceProvider.GetRequiredService<CustomerService>()
            .AddNonDocumentaryEvidenceAsync(id, seen, "Bundesanzeiger register", new DateOnly(2026, 11, 20), "Registered, directors match", Ct);
        var two = await second.ServiceProvider.GetRequiredService<CustomerService>()
            .AddNonDocumentaryEvidenceAsync(id, seen, "Credit bureau", new DateOnly(2026, 11, 21), "Address matches", Ct);

        Assert.True(one.Ok, one.Message);
        Assert.True(two.Conflict);
        Assert.Single((await Get(id)).Evidence);
        Assert.NotEqual(seen, one.Version);
    }

    [Fact]
    public async Task Creating_stores_a_draft_with_its_accounts_risk_and_phone_in_E164()
    {
        var id = await CreateForeignAsync();

        var c = await Get(id);
        Assert.Equal(CustomerStatus.Draft, c.Status);
        Assert.Equal("+49301234567", c.Phone);
        Assert.Equal(RiskLevel.Low, c.Risk);
        Assert.Equal(Officer, c.CreatedBy);
        Assert.Equal("ACC-DE-1", Assert.Single(c.Accounts).Reference);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var id = await CreateForeignAsync();
        var seen = (await Get(id)).Version;
        Assert.True((await AddPassportAsync(id)).Ok);

        var outcome = await As(Officer, s => s.RaiseDiscrepancyAsync(id, seen, "Address differs from the register extract", Ct));

        Assert.True(outcome.Conflict);
        Assert.Empty((await Get(id)).Discrepancies);
    }

    [Fact]
    public async Task Determination_can_be_recorded_on_a_created_customer()
    {
        var id = await CreateForeignAsync();

        var outcome = await As(Officer, async s => await s.SaveDeterminationAsync(id, (await Get(id)).Version,
            new DeterminationInput(false, "German passport seen", "2026-11-01", "CIP v1"), Ct));

        Assert.True(outcome.Ok, outcome.Message);
        Assert.Equal("German passport seen", (await Get(id)).DeterminationBasis);
    }

    [Fact]
    public async Task A_foreign_customer_without_evidence_cannot_be_submitted_and_can_once_evidence_is_added()
    {
        var id = await CreateForeignAsync();

        var refused = await As(Officer, async s => await s.SubmitAsync(id, (await Get(id)).Version, Ct));
        Assert.True((await AddPassportAsync(id)).Ok);
        var submitted = await As(Officer, async s => await s.SubmitAsync(id, (await Get(id)).Version, Ct));

        Assert.Contains(refused.Findings, f => f.Field == "evidence");
        Assert.True(submitted.Ok, submitted.Message);
        Assert.Equal(CustomerStatus.Submitted, (await Get(id)).Status);
    }

    [Fact]
    public async Task The_submitter_cannot_verify_and_another_user_can_under_the_active_rule_pack()
    {
        var id = await SubmittedForeignAsync();

        var own = await As(Officer, async s => await s.VerifyAsync(id, (await Get(id)).Version, null, Ct));
        var other = await As(Approver, async s => await s.VerifyAsync(id, (await Get(id)).Version, "Passport matches the register", Ct));

        Assert.True(own.Refused);
        Assert.Equal("fourEyes", Assert.Single(own.Findings).Code);
        Assert.True(other.Ok, other.Message);
        var c = await Get(id);
        Assert.Equal(CustomerStatus.Verified, c.Status);
        Assert.Equal(Approver, c.DecidedBy);
        Assert.Equal(RulePack.DefaultVersion, c.DecisionRulePackVersion);
        Assert.Equal(new DateOnly(2029, 11, 29), c.ReverifyDue);
        using var db = Db();
        Assert.NotNull((await db.RulePackVersions.SingleAsync(r => r.Name == RulePack.DefaultVersion, Ct)).FirstUsedAtUtc);
    }

    [Fact]
    public async Task Evidence_added_to_a_verified_customer_sends_it_back_to_submitted()
    {
        var id = await SubmittedForeignAsync();
        Assert.True((await As(Approver, async s => await s.VerifyAsync(id, (await Get(id)).Version, null, Ct))).Ok);

        var outcome = await As(Officer, async s => await s.AddNonDocumentaryEvidenceAsync(id, (await Get(id)).Version,
            "Bundesanzeiger company register", new DateOnly(2026, 11, 28), "Entry matches name and address", Ct));

        Assert.True(outcome.Ok, outcome.Message);
        var c = await Get(id);
        Assert.Equal(CustomerStatus.Submitted, c.Status);
        Assert.Contains("Evidence changed", c.ReviewNote);
    }

    [Fact]
    public async Task Document_numbers_and_payment_identifiers_are_stored_encrypted_and_shown_masked()
    {
        var id = await CreateForeignAsync();
        Assert.True((await AddPassportAsync(id)).Ok);

        var c = await Get(id);
        Assert.Equal("•••••0T47", c.Evidence.Single().DocumentNumberMasked);
        Assert.Equal("••••••••1111", c.Accounts.Single().PaymentIdentifierMasked);
        var stored = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DocumentNumberEncrypted FROM Evidence UNION ALL SELECT PaymentIdentifierEncrypted FROM Accounts UNION ALL SELECT ChangesJson FROM AuditEntries";
            using var reader = command.ExecuteReader();
            while (reader.Read()) stored.Add(reader.GetString(0));
        }
        Assert.Contains(stored, s => s.StartsWith("enc1:", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, s => s.Contains(PassportNumber, StringComparison.Ordinal) || s.Contains(CardNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_its_actor()
    {
        var id = await SubmittedForeignAsync();
        Assert.True((await As(Approver, async s => await s.VerifyAsync(id, (await Get(id)).Version, null, Ct))).Ok);

        using var db = Db();
        var entries = await db.AuditEntries.Where(e => e.SubjectId == id.ToString()).ToListAsync(Ct);

        Assert.Contains(entries, e => e.EntityType == "Customer" && e.Action == "create" && e.Actor == Officer);
        Assert.Contains(entries, e => e.EntityType == "Account" && e.Action == "create" && e.Actor == Officer);
        Assert.Contains(entries, e => e.EntityType == "Evidence" && e.Action == "create" && e.Actor == Officer);
        Assert.Contains(entries, e => e.EntityType == "CustomerStatus" && e.Actor == Officer);
        Assert.Contains(entries, e => e.EntityType == "Customer" && e.Action == "update" && e.Actor == Approver);
        Assert.Contains(entries, e => e.EntityType == "CustomerStatus" && e.Actor == Approver);
    }

    public void Dispose()
    {
        provider.Dispose();
        connection.Dispose();
    }
}
