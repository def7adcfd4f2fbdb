using Microsoft.Data.Sqlite;

namespace IaasKyc.Portal.Data;

/// <summary>
/// <c>dotnet run --project IaasKyc.Portal -- backup &lt;file&gt;</c> and <c>-- restore &lt;file&gt;</c> (issue 10): SQLite's
/// online backup, a consistent copy taken while the portal keeps serving. Restore copies a backup back over the
/// configured database (stop the portal first). On PostgreSQL, pg_dump and pg_restore do this (docs/operations.md).
/// </summary>
public static class DatabaseBackup
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused or failed, 2 usage).</summary>
    public static int Run(string[] args, IConfiguration config, string contentRoot, TextWriter output)
    {
        if (args.Length != 2)
        {
            output.WriteLine("Usage: IaasKyc.Portal backup <file> | restore <file>");
            return 2;
        }
        if (DatabaseSetup.Provider(config) == DatabaseProvider.Postgres)
        {
            output.WriteLine("The database is PostgreSQL: back it up with pg_dump and restore it with pg_restore (docs/operations.md).");
            return 2;
        }
        var database = DatabaseSetup.ConnectionString(config, contentRoot);
        var file = Path.GetFullPath(args[1]);
        try
        {
            if (args[0] == "backup")
            {
                Backup(database, file);
                output.WriteLine($"Backed up {new SqliteConnectionStringBuilder(database).DataSource} to {file}.");
            }
            else
            {
                Restore(file, database);
                output.WriteLine($"Restored {new SqliteConnectionStringBuilder(database).DataSource} from {file}.");
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or SqliteException or IOException)
        {
            output.WriteLine($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Copies the live database to <paramref name="file"/> (which must not exist) and checks the copy's integrity.</summary>
    public static void Backup(string connectionString, string file)
    {
        if (File.Exists(file)) throw new InvalidOperationException($"{file} exists already; choose a new file name.");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var source = Open(connectionString, SqliteOpenMode.ReadWrite))
        using (var target = Open(file, SqliteOpenMode.ReadWriteCreate))
            source.BackupDatabase(target);
        Check(file);
    }

    /// <summary>Copies a backup (checked first) over the database. The portal must be stopped.</summary>
    public static void Restore(string file, string connectionString)
    {
        if (!File.Exists(file)) throw new InvalidOperationException($"{file} does not exist.");
        Check(file);
        using var source = Open(file, SqliteOpenMode.ReadOnly);
        using var target = Open(connectionString, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
    }

    /// <summary>Refuses a file that is not a sound SQLite database of the portal.</summary>
    public static void Check(string file)
    {
        using var connection = Open(file, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        if (result != "ok") throw new InvalidOperationException($"{file} fails SQLite's integrity check: {result}");
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'AuditEntries')";
        if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 2)
            throw new InvalidOperationException($"{file} is not a database of the portal.");
    }

    private static SqliteConnection Open(string fileOrConnectionString, SqliteOpenMode mode)
    {
        var builder = fileOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(fileOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = fileOrConnectionString };
        builder.Mode = mode;
        builder.Pooling = false;
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }
}
