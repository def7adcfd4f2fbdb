using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: <c>IAASKYC_TEST_POSTGRES</c> holds a connection string to it (without a
/// database); test.sh starts a throwaway cluster and sets it for its second run of the data and service tests.
/// Each test gets a database of its own, copied from a template that the PostgreSQL migrations built once per run.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "IAASKYC_TEST_POSTGRES";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string, or null when the tests run on SQLite only.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>Skips the calling test when no PostgreSQL server was given (test.sh always gives one).</summary>
    public static string RequireServer()
    {
        Assert.SkipWhen(Server is null, $"No PostgreSQL server: set {Variable} (test.sh does).");
        return Server!;
    }

    /// <summary>A new database with the portal's schema (and nothing else); returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "iaaskyc_t_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return With(name);
    }

    /// <summary>An empty database (no schema); returns its connection string.</summary>
    public static string CreateEmptyDatabase()
    {
        var name = "iaaskyc_e_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return With(name);
    }

    /// <summary>Closes the pooled connections to the database and drops it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string With(string database) =>
        new NpgsqlConnectionStringBuilder(RequireServer()) { Database = database }.ToString();

    private static string CreateTemplate()
    {
        var name = $"iaaskyc_template_{Environment.ProcessId}";
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = With(name);
        using (var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options))
            db.Database.Migrate();
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(RequireServer()) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
