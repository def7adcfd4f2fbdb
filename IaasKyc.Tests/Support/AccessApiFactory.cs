using IaasKyc.Portal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The real portal in memory (Production environment) over a temporary SQLite file, with every data path in a temporary
/// folder, no demo data, and a bootstrap API key holding every scope.
/// </summary>
public sealed class AccessApiFactory : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "access-events-bootstrap-key-0123456789";

    private readonly string folder = Directory.CreateTempSubdirectory("iaaskyc-api-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(folder, "portal.db")}");
        builder.UseSetting("Security:KeysPath", Path.Combine(folder, "keys"));
        builder.UseSetting("Security:MasterKeyFile", Path.Combine(folder, "keys", "master.key"));
        builder.UseSetting("Storage:UploadsPath", Path.Combine(folder, "uploads"));
        builder.UseSetting("Mail:PickupFolder", Path.Combine(folder, "mail"));
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Api:BootstrapKey", BootstrapKey);
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
    }

    /// <summary>Runs <paramref name="work"/> with a scope's services, its changes attributed to "test".</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use("test");
        return await work(scope.ServiceProvider);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned by the system eventually.
        }
    }
}
