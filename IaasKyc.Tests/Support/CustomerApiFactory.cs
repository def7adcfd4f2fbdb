using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.ApiKeys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The real portal in memory, in Production, on a SQLite file under a temporary folder of its own (keys, uploads and
/// mail there too); no demo data; every scope is reachable with <see cref="BootstrapKey"/>.
/// </summary>
public sealed class CustomerApiFactory : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "customers-api-bootstrap-0123456789";

    public string Root { get; } = Directory.CreateTempSubdirectory("iaaskyc-api-").FullName;

    public string DatabasePath => Path.Combine(Root, "portal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // UseSetting, not ConfigureAppConfiguration: AddPortal reads these while the builder runs.
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Security:KeysPath", Path.Combine(Root, "keys"));
        builder.UseSetting("Security:MasterKeyFile", Path.Combine(Root, "keys", "master.key"));
        builder.UseSetting("Storage:UploadsPath", Path.Combine(Root, "uploads"));
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Root, "mail"));
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Api:BootstrapKey", BootstrapKey);
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }

    /// <summary>A client sending <paramref name="key"/> (the bootstrap key unless told) as X-Api-Key; null sends none.</summary>
    public HttpClient Client(string? key = BootstrapKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<string> CreateKeyAsync(params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use("test-admin");
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync($"key-{Guid.NewGuid():N}", scopes, "test-admin");
        return created.Secret;
    }

    /// <summary>Runs <paramref name="work"/> with the services of a fresh scope whose changes are attributed to <paramref name="actor"/>.</summary>
    public async Task<T> InScopeAsync<T>(string actor, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(actor);
        return await work(scope.ServiceProvider);
    }

    public Task<int> CustomerCountAsync() => InScopeAsync("test", async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Customers.CountAsync();
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
