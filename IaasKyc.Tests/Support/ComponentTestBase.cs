using System.Security.Claims;
using System.Security.Cryptography;
using Bunit;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Security;
using IaasKyc.Portal.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace IaasKyc.Tests.Support;

/// <summary>
/// bUnit context with MudBlazor, the real feature services over SQLite in memory, the real policy table,
/// and a signed-in user of the test's choosing.
/// </summary>
public abstract class ComponentTestBase : BunitContext
{
    private readonly SqliteConnection connection = new("Filename=:memory:");
    private readonly TestAuthenticationStateProvider auth = new();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));

    /// <summary>bUnit waits one second by default; on a loaded 2-core CI machine a save through the real services can take longer.</summary>
    static ComponentTestBase() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected ComponentTestBase()
    {
        connection.Open();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        Services.AddPortalData(o => o.UseSqlite(connection));
        Services.AddPortalFeatures();
        Services.AddSingleton<IaasKyc.Portal.Mail.IMailSender>(new IaasKyc.Portal.Mail.PickupFolderMailSender(Path.Combine(Path.GetTempPath(), "iaaskyc-tests-mail", Guid.NewGuid().ToString("N")), "iaaskyc@localhost", Clock));
        Services.AddScoped<PageAccess>();
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        Services.AddSingleton(new UploadStore(Path.Combine(Path.GetTempPath(), "iaaskyc-bunit-uploads", Guid.NewGuid().ToString("N"))));
        // The real policy table, evaluated by the real authorization service (not bUnit's placeholder).
        Services.AddAuthorizationCore(Policies.Register);
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        Services.AddSingleton<AuthenticationStateProvider>(auth);
        Services.AddCascadingAuthenticationState();

        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        // Last: touching the renderer freezes the service collection. Pages render as in an interactive circuit.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// A routed page (its <c>Id</c> route parameter set when given), with MudBlazor's popover, dialog and snackbar providers unless
    /// another page of the test rendered them already.
    /// </summary>
    protected IRenderedComponent<IComponent> RenderPage<TPage>(Guid? id = null, bool providers = true) where TPage : IComponent =>
        Render(b =>
        {
            if (providers)
            {
                b.OpenComponent<MudBlazor.MudPopoverProvider>(0);
                b.CloseComponent();
                b.OpenComponent<MudBlazor.MudDialogProvider>(1);
                b.CloseComponent();
                b.OpenComponent<MudBlazor.MudSnackbarProvider>(2);
                b.CloseComponent();
            }
            b.OpenComponent<TPage>(3);
            if (id is not null) b.AddAttribute(4, "Id", id.Value);
            b.CloseComponent();
        });

    protected void SignInAs(string name, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        auth.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    /// <summary>Runs raw SQL against the test database (to tamper with it, as an attacker with file access would).</summary>
    protected int Sql(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) connection.Dispose();
    }

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        private ClaimsPrincipal user = new(new ClaimsIdentity());

        public void Set(ClaimsPrincipal principal)
        {
            user = principal;
            NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

/// <summary>The sign-out form's token, as the server's provider hands it to a circuit.</summary>
internal sealed class FixedAntiforgery : AntiforgeryStateProvider
{
    public const string Token = "test-antiforgery-token";

    public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
}
