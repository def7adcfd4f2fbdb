using IaasKyc.Portal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace IaasKyc.Tests.Data;

public sealed class DatabaseBackupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("iaaskyc-backup-").FullName;

    private string Database => Path.Combine(folder, "portal.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private int Command(params string[] args)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={Database}" }).Build();
        return DatabaseBackup.Run(args, config, folder, TextWriter.Null);
    }

    private PortalDbContext Open() => new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Database}").Options);

    private List<string> Leases()
    {
        using var db = Open();
        return [.. db.JobLeases.Select(l => l.Name).OrderBy(n => n)];
    }

    [Fact]
    public void A_backup_taken_from_the_live_database_restores_it_as_it_was()
    {
        using (var db = Open())
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.JobLeases.Add(new JobLease { Name = "before-backup", Holder = "a", ExpiresAtUtc = DateTime.UtcNow });
            db.SaveChanges();
        }
        // A connection holds the database open (as the running portal does) while the backup is taken.
        using var live = new SqliteConnection($"Data Source={Database}");
        live.Open();

        Assert.Equal(0, Command("backup", Path.Combine(folder, "backups", "one.db")));
        using (var db = Open())
        {
            db.JobLeases.Add(new JobLease { Name = "after-backup", Holder = "a", ExpiresAtUtc = DateTime.UtcNow });
            db.SaveChanges();
        }
        Assert.Equal(["after-backup", "before-backup"], Leases());
        live.Close();
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, Command("restore", Path.Combine(folder, "backups", "one.db")));

        Assert.Equal(["before-backup"], Leases());
        using var check = Open();
        Assert.Equal("ok", check.Database.SqlQueryRaw<string>("PRAGMA integrity_check").AsEnumerable().Single());
    }

    [Fact]
    public void Backup_never_overwrites_a_file_and_restore_refuses_what_is_not_a_portal_database()
    {
        using (var db = Open()) db.Database.Migrate();
        var existing = Path.Combine(folder, "existing.db");
        File.WriteAllText(existing, "keep me");
        var stranger = Path.Combine(folder, "stranger.db");
        using (var other = new SqliteConnection($"Data Source={stranger};Pooling=false"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE t (x)";
            create.ExecuteNonQuery();
        }

        Assert.Equal(1, Command("backup", existing));
        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.Equal(1, Command("restore", stranger));
        Assert.Equal(1, Command("restore", existing));
        Assert.Equal(2, Command("backup"));
        Assert.Empty(Leases());
    }
}
