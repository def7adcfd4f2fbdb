using IaasKyc.Portal.Data.Seed;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data;

/// <summary>The database behind the portal: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (the default, one instance) or <c>Postgres</c> (several instances).</summary>
    public static DatabaseProvider Provider(IConfiguration config) => config["Database:Provider"] switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var p when Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var provider) => provider,
        var p when p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
        var p => throw new InvalidOperationException($"Database:Provider is '{p}'; use Sqlite or Postgres."),
    };

    /// <summary>Registers the data layer on the configured provider (<c>ConnectionStrings:Portal</c> is that provider's connection string).</summary>
    public static DatabaseProvider AddPortalDatabase(IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = Provider(config);
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = config.GetConnectionString("Portal");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Portal (for example ConnectionStrings__Portal=\"Host=db;Database=iaaskyc;Username=iaaskyc;Password=...\").");
            // Saves reach the pages of every instance (before AddPortalData, which adds the in-process notifier otherwise).
            services.AddSingleton(sp => new PostgresChangeNotifier(connectionString, sp.GetRequiredService<ILoggerFactory>()));
            services.AddSingleton<IChangeNotifier>(sp => sp.GetRequiredService<PostgresChangeNotifier>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeNotifier>());
            services.AddPortalData<PostgresPortalDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            var connectionString = ConnectionString(config, contentRoot);
            services.AddPortalData(o => o.UseSqlite(connectionString));
        }
        return provider;
    }

    /// <summary>The SQLite connection string: <c>ConnectionStrings:Portal</c>, or data/iaaskyc.db under the content root.</summary>
    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        var configured = config.GetConnectionString("Portal");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine("data", "iaaskyc.db")}" : configured);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>The PostgreSQL advisory lock key that lets one instance at a time run the start-up set-up ("IKYS" as an int).</summary>
    public const long StartupLockKey = 0x494B5953;

    /// <summary>
    /// Migrations, WAL, roles, the default rule pack, the first Admin and (in demo mode) the demo data.
    /// On PostgreSQL, instances started together take turns (a session advisory lock held for the whole set-up): EF Core's
    /// own migration lock did not stop two instances starting on an empty database from both applying the first migration,
    /// and the roles and the first Admin are "create if missing" steps that would collide the same way.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider root, IConfiguration config, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().Use("system:startup");
        var db = services.GetRequiredService<PortalDbContext>();

        await using var startupLock = db.Database.IsNpgsql()
            ? await PostgresSessionLock.AcquireAsync(db.Database.GetConnectionString()!, StartupLockKey, logger, ct)
            : null;
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        await RulePackService.EnsureDefaultAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        await Features.AiTraining.AiTrainingService.EnsureDefaultAcceleratorsAsync(db, ct);
        await EnsureFirstAdminAsync(services, config, logger);
        // The matcher is rebuilt from the active list snapshots before anyone can screen (issue 5).
        await services.GetRequiredService<Features.Screening.ScreeningIndexHolder>().ReloadAsync(ct);

        if (config.GetValue<bool>("Demo:Seed"))
        {
            services.GetRequiredService<AuditActor>().Use("system:demo-seed");
            foreach (var seed in services.GetServices<IDemoSeed>().OrderBy(s => s.Order))
                await seed.SeedAsync(services, ct);
        }
        else if (!await db.Users.AnyAsync(ct))
        {
            logger.LogWarning("No users exist. Set Admin:Email and Admin:Password (for example as environment variables Admin__Email and Admin__Password) and restart to create the first Admin, or run with Demo:Seed=true for demo users.");
        }
    }

    private static async Task EnsureFirstAdminAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var email = config["Admin:Email"];
        var password = config["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = config["Admin:Name"] ?? "Administrator",
            CreatedAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Admin);
        if (result.Succeeded) logger.LogInformation("Created the first Admin {Email} from configuration.", email);
        else logger.LogError("Could not create the first Admin from configuration: {Errors}", string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>
/// A PostgreSQL session-level advisory lock on a connection of its own (not pooled, so the lock can never outlive this
/// object in a pooled session): held until disposed, or until the process dies and the server ends the session.
/// </summary>
public sealed class PostgresSessionLock : IAsyncDisposable
{
    private readonly Npgsql.NpgsqlConnection connection;
    private readonly long key;

    private PostgresSessionLock(Npgsql.NpgsqlConnection connection, long key) => (this.connection, this.key) = (connection, key);

    public static async Task<PostgresSessionLock> AcquireAsync(string connectionString, long key, ILogger logger, CancellationToken ct = default)
    {
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(ct);
            await using (var tryLock = new Npgsql.NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                tryLock.Parameters.AddWithValue("key", key);
                if ((bool)(await tryLock.ExecuteScalarAsync(ct))!) return new PostgresSessionLock(connection, key);
            }
            logger.LogInformation("Another instance is setting up the database; waiting for it.");
            await using var wait = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            wait.Parameters.AddWithValue("key", key);
            await wait.ExecuteNonQueryAsync(ct);
            return new PostgresSessionLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", key);
            await unlock.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await connection.DisposeAsync();
        }
    }
}
