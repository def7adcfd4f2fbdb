using System.Globalization;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The real portal in memory, in the Production environment, on a SQLite file of its own under a temporary
/// folder (keys, uploads and mail there too). No demo data; the bootstrap API key is <see cref="BootstrapKey"/>.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "test-bootstrap-key-0123456789";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "iaaskyc-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Root, "portal.db");

    /// <summary>RateLimits:ApiPerMinute; high by default so that tests sharing a factory never hit it.</summary>
    public int ApiPerMinute { get; init; } = 100_000;

    /// <summary>RateLimits:ApiPerMinutePerAddress, the cap per client address whatever keys it sends.</summary>
    public int ApiPerMinutePerAddress { get; init; } = 100_000;

    /// <summary>RateLimits:SignInPerMinute, sign-in attempts per client address.</summary>
    public int SignInPerMinute { get; init; } = 30;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Root);
        builder.UseEnvironment("Production");
        // UseSetting (not ConfigureAppConfiguration): AddPortal reads these before the app is built.
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Security:KeysPath", Path.Combine(Root, "keys"));
        builder.UseSetting("Security:MasterKeyFile", Path.Combine(Root, "keys", "master.key"));
        builder.UseSetting("Storage:UploadsPath", Path.Combine(Root, "uploads"));
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Root, "mail"));
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Api:BootstrapKey", BootstrapKey);
        builder.UseSetting("RateLimits:ApiPerMinute", ApiPerMinute.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ApiPerMinutePerAddress", ApiPerMinutePerAddress.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignInPerMinute", SignInPerMinute.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Logging:LogLevel:IaasKyc.Portal", "Error");
    }

    /// <summary>A client that shows redirects instead of following them, sending <paramref name="key"/> as X-Api-Key when given.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
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

    /// <summary>Creates a key through the real service and returns its secret.</summary>
    public async Task<string> CreateKeyAsync(params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use("test-admin");
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync($"Test key {Guid.NewGuid():N}", scopes, "test-admin");
        return created.Secret;
    }

    public async Task RevokeKeyAsync(string secret)
    {
        await using var scope = Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var key = await keys.AuthenticateAsync(secret) ?? throw new InvalidOperationException("No such key.");
        await keys.RevokeAsync(key.Id, key.Version, "test-admin");
    }

    /// <summary>
    /// A genuine sign-in cookie ("IaasKyc.Auth=...") for a new user with <paramref name="roles"/>, protected
    /// by the app's own cookie ticket format, exactly as a successful sign-in would issue it.
    /// </summary>
    public async Task<string> SignInCookieAsync(params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().Use("test-admin");
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Test User", CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Make.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);

        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) },
            IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    public async Task<int> AuditEntryCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.CountAsync();
    }

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
