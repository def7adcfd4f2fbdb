using IaasKyc.Portal.Data;
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
}
