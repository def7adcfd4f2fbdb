using System.Security.Cryptography;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Security;
using IaasKyc.Portal.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The portal's data services over one open SQLite in-memory connection (or, when <see cref="TestPostgres.Server"/> is
/// set, a PostgreSQL database of the test's own), wired as AddPortal wires them:
/// a scoped DbContext factory with the audit interceptor, the subject keyring, Identity with EF stores,
/// a fake clock in America/New_York and every change attributed to "test-user".
/// Create one per test class instance (xUnit makes one per test) and dispose it.
/// </summary>
public sealed class ServiceTestDb : IAsyncDisposable
{
    public const string Actor = "test-user";

    /// <summary>Monday 15 June 2026, 10:00 in New York.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 14, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider root;
    private readonly AsyncServiceScope scope;

    private readonly SqliteConnection? sqlite;

    public ServiceTestDb()
    {
        // With IAASKYC_TEST_POSTGRES set (test.sh's second run) the same tests run on a PostgreSQL database of their own.
        PostgresConnectionString = TestPostgres.Server is null ? null : TestPostgres.CreateDatabase();
        if (PostgresConnectionString is null)
        {
            sqlite = new SqliteConnection("Filename=:memory:");
            sqlite.Open();
        }
        Clock = new FakeTimeProvider(Start);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton(_ => PdfFonts.Registered);
        services.AddSingleton(new UploadStore(Path.Combine(Path.GetTempPath(), "iaaskyc-tests", Guid.NewGuid().ToString("N"))));
        if (PostgresConnectionString is { } postgres) services.AddPortalData<PostgresPortalDbContext>(o => o.UseNpgsql(postgres));
        else services.AddPortalData(o => o.UseSqlite(sqlite!));
        services.AddPortalFeatures();
        services.AddSingleton<IaasKyc.Portal.Mail.IMailSender>(new IaasKyc.Portal.Mail.PickupFolderMailSender(Path.Combine(Path.GetTempPath(), "iaaskyc-tests-mail", Guid.NewGuid().ToString("N")), "iaaskyc@localhost", Clock));
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();

        root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        scope = root.CreateAsyncScope();
        Get<AuditActor>().Use(Actor);
        if (sqlite is null) return;
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    /// <summary>The in-memory SQLite connection (not on PostgreSQL).</summary>
    public SqliteConnection Connection => sqlite ?? throw new InvalidOperationException("This run is on PostgreSQL.");

    /// <summary>The test's own PostgreSQL database, when the tests run on PostgreSQL; null on SQLite.</summary>
    public string? PostgresConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A service from the test's scope (the one whose actor is "test-user").</summary>
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A service from a new scope whose changes are attributed to <paramref name="actor"/> (four-eyes tests).</summary>
    public T As<T>(string actor) where T : notnull
    {
        var other = root.CreateScope();
        other.ServiceProvider.GetRequiredService<AuditActor>().Use(actor);
        return other.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>The text of each page of a PDF, words joined by single spaces.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    /// <summary>A fresh, short-lived context, as the services use one per operation.</summary>
    public PortalDbContext NewContext() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>Creates the four roles of the portal (writes their audit entries).</summary>
    public async Task AddRolesAsync()
    {
        var roles = Get<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            var result = await roles.CreateAsync(new IdentityRole(role));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>The stored audit entries in chain order.</summary>
    public async Task<List<AuditEntry>> AuditEntriesAsync()
    {
        await using var db = NewContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await root.DisposeAsync();
        if (sqlite is not null) await sqlite.DisposeAsync();
        if (PostgresConnectionString is not null) TestPostgres.DropDatabase(PostgresConnectionString);
    }
}
