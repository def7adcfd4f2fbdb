using IaasKyc.Portal.Data;
using IaasKyc.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public async Task The_migrations_create_every_table_of_the_model_on_an_empty_database()
    {
        await using var connection = new SqliteConnection("Filename=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options;
        await using var db = new PortalDbContext(options);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync(TestContext.Current.CancellationToken);
        var expected = db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().ToList();
        Assert.Contains("AuditEntries", expected);
        Assert.All(expected, table => Assert.Contains(table, tables));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
    }

    // Each provider keeps its own migrations (docs/decisions/0005): a model change needs scripts/add-migration.sh <Name>.
    [Fact]
    public void The_PostgreSQL_migrations_capture_the_whole_model()
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=none").Options;
        using var db = new PostgresPortalDbContext(options);

        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_PostgresInitial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes that no PostgreSQL migration captures: run scripts/add-migration.sh <Name> (it adds the migration for both providers).");
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Filename=:memory:").Options);
        using var postgres = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost").Options);

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
        Assert.DoesNotContain(sqlite.Database.GetMigrations(), m => m.EndsWith("_PostgresInitial", StringComparison.Ordinal));
    }

    [Fact, Trait("Database", "Postgres")]
    public async Task The_PostgreSQL_migrations_create_every_table_of_the_model_on_an_empty_database()
    {
        var connectionString = TestPostgres.CreateEmptyDatabase();
        try
        {
            var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options;
            await using var db = new PostgresPortalDbContext(options);

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
                .ToListAsync(TestContext.Current.CancellationToken);
            var expected = db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().ToList();
            Assert.Contains("DataProtectionKeys", expected);
            Assert.All(expected, table => Assert.Contains(table, tables));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            TestPostgres.DropDatabase(connectionString);
        }
    }
}
