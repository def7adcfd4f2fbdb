using System.Text.Json;
using System.Text.Json.Serialization;
using IaasKyc.Portal.Api;
using IaasKyc.Portal.Components;
using IaasKyc.Portal.Components.Account;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Features.Users;
using IaasKyc.Portal.Mail;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Security;
using IaasKyc.Portal.Storage;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace IaasKyc.Portal;

public static class PortalRegistration
{
    /// <summary>Every service of the portal, in one place: features add their services and demo seeds here.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var root = builder.Environment.ContentRootPath;

        // Kestrel reads only its endpoints from the "Kestrel" section; its limits (for example Kestrel:Limits:KeepAliveTimeout,
        // docs/operations.md) are bound here.
        builder.WebHost.ConfigureKestrel(kestrel => config.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById(config["Portal:TimeZone"] ?? "America/New_York"));

        // Data: one short-lived DbContext per operation; the audit interceptor writes the trail in the same transaction.
        services.AddSingleton(FieldCipher.FromConfiguration(config, root));
        var postgres = DatabaseSetup.AddPortalDatabase(services, config, root) == DatabaseProvider.Postgres;

        // Sign-in: ASP.NET Core Identity on the same database; Admins create users.
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = config.GetValue("Security:PasswordMinLength", 12);
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Security:LockoutAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "IaasKyc.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "IaasKyc.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var dataProtection = services.AddDataProtection().SetApplicationName("IaasKyc");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<FieldCipher>((o, cipher) => o.XmlEncryptor = new MasterKeyXmlEncryptor(cipher));
        // On PostgreSQL every instance reads the keys from the shared database, so a cookie made by one works on all.
        if (postgres) dataProtection.PersistKeysToDbContext<PortalDbContext>();
        else dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(config["Security:KeysPath"] ?? Path.Combine("data", "keys"), root)));
        services.AddAuthorization(Policies.Register);

        // API: problem details everywhere, camelCase JSON with enum names, rate limits from configuration.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiBadRequestHandler>();
        services.AddExceptionHandler<PortalExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.PropertyNameCaseInsensitive = true;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.AddOpenApi("v1");
        services.AddRateLimiter(o => RateLimits.Configure(o, config));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Cross-cutting services every feature uses.
        services.AddPortalMail(config, root);
        services.AddSingleton(new UploadStore(Path.GetFullPath(config["Storage:UploadsPath"] ?? Path.Combine("data", "uploads"), root)));
        services.AddSingleton(_ => PdfFonts.Registered);

        services.AddPortalFeatures();
        services.AddScoped<PageAccess>();
        services.AddHostedService<Features.Screening.RescreenWorker>();
        services.AddHostedService<Features.Screening.ScreeningIndexWatcher>();

        // Demo data, one part per feature.
        services.AddSingleton<IDemoSeed, UsersDemoSeed>();
        services.AddSingleton<IDemoSeed, CustomersDemoSeed>();
        services.AddSingleton<IDemoSeed, OwnersDemoSeed>();
        services.AddSingleton<IDemoSeed, ScreeningDemoSeed>();
        services.AddSingleton<IDemoSeed, SpecialMeasuresDemoSeed>();
        services.AddSingleton<IDemoSeed, ResellersDemoSeed>();
        services.AddSingleton<IDemoSeed, AiTrainingDemoSeed>();
        services.AddSingleton<IDemoSeed, CertificationsDemoSeed>();
        services.AddSingleton<IDemoSeed, RetentionDemoSeed>();

        // Background jobs.
        services.AddHostedService<Features.Resellers.AttestationRenewalJob>();
        services.AddHostedService<Features.Retention.RetentionJob>();
        services.AddHostedService<Features.Dashboard.DeadlineNotifier>();
        services.AddHostedService<Features.SpecialMeasures.SpecialMeasureRiskJob>();
        return builder;
    }

    /// <summary>
    /// The data layer: the DbContext factory (scoped, so each context knows its scope's <see cref="AuditActor"/>)
    /// with the audit interceptor. Tests call it with an in-memory SQLite connection.
    /// Needs a <see cref="FieldCipher"/>, a <see cref="TimeProvider"/> and a <see cref="TimeZoneInfo"/> registered.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, Action<DbContextOptionsBuilder> provider) =>
        services.AddPortalData<PortalDbContext>(provider);

    /// <summary>As above with the provider's context type (<see cref="PostgresPortalDbContext"/> on PostgreSQL), handed out as a <see cref="PortalDbContext"/>.</summary>
    public static IServiceCollection AddPortalData<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> provider)
        where TContext : PortalDbContext
    {
        services.AddSingleton<PortalTime>();
        services.AddSingleton<SubjectKeyring>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<JobLeases>();
        services.TryAddSingleton<IChangeNotifier, InProcessChangeNotifier>();
        services.AddSingleton<ChangeNotifierInterceptor>();
        services.AddScoped<AuditActor>();
        services.AddDbContextFactory<TContext>((sp, o) =>
        {
            provider(o);
            OneParameterPerList<TContext>(o);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            o.AddInterceptors(sp.GetRequiredService<ChangeNotifierInterceptor>());
        }, ServiceLifetime.Scoped);
        if (typeof(TContext) != typeof(PortalDbContext))
            services.AddScoped<IDbContextFactory<PortalDbContext>>(sp => new PortalContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// <c>list.Contains(x)</c> in a query becomes one parameter holding the whole list (a JSON array on SQLite, an array on
    /// PostgreSQL), not EF Core 10's default of one SQL parameter per element: a list of thousands of ids (customers touched
    /// by a special measure, the retention candidates) took seconds to bind and plan, and SQLite refuses more than 32,766.
    /// </summary>
    private static void OneParameterPerList<TContext>(DbContextOptionsBuilder o) where TContext : PortalDbContext
    {
        if (typeof(TContext) == typeof(PostgresPortalDbContext))
            new Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder(o).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
        else
            new Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder(o).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
    }

    /// <summary>Each feature's service; a feature adds its line here.</summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuditService>();
        services.AddScoped<Features.Home.HomeService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<RulePackService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<AuditExtractDocument>();
        services.AddScoped<Features.Customers.CustomerService>();
        services.AddScoped<Features.Customers.CustomerQueries>();
        services.AddScoped<Features.Cip.CipService>();
        services.AddScoped<Features.Products.ProductService>();
        services.AddScoped<Features.AccessEvents.AccessEventService>();
        services.AddScoped<Features.Customers.Intake.IntakeCatalog>();
        services.AddScoped<Features.Owners.OwnershipService>();
        services.AddSingleton<Features.Screening.ScreeningIndexHolder>();
        services.AddSingleton<Features.Screening.RescreenQueue>();
        services.AddScoped<Features.Screening.ScreeningService>();
        services.AddScoped<Features.Screening.ScreeningQueries>();
        services.AddScoped<Features.Screening.ListImportService>();
        services.AddScoped<ScreeningCertificateDocument>();
        services.AddScoped<Features.SpecialMeasures.SpecialMeasureService>();
        services.AddScoped<Features.Resellers.ResellerService>();
        services.AddScoped<Features.Resellers.AttestationService>();
        services.AddScoped<AttestationCertificateDocument>();
        services.AddScoped<Features.Resellers.CipRequestService>();
        services.AddScoped<Features.AiTraining.AiTrainingService>();
        services.AddScoped<Features.AiTraining.TrainingCaseService>();
        services.AddScoped<Features.AiTraining.UsageSignalService>();
        services.AddScoped<Reports.AiTrainingReportDocument>();
        services.AddScoped<Features.Certifications.CertificationFiguresQuery>();
        services.AddScoped<Features.Certifications.CertificationService>();
        services.AddScoped<CertificationDocument>();
        services.AddScoped<Features.Certifications.AdpService>();
        services.AddScoped<AdpApplicationDocument>();
        services.AddScoped<CustomerDossierDocument>();
        services.AddScoped<Features.Exports.ExportLog>();
        services.AddScoped<Features.Exports.CsvExports>();
        services.AddScoped<Features.Exports.AuditorWorkspace>();
        services.AddScoped<Features.Retention.RetentionService>();
        services.AddSingleton<Features.Dashboard.JobMonitor>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.AiTrainingDeadlines>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.ResellerTerminationDeadlines>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.AttestationRenewalDeadlines>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.CipProductionDeadlines>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.ReverificationDeadlines>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.SpecialMeasureDeadlines>();
        services.AddScoped<Features.Dashboard.IDeadlineSource, Features.Dashboard.RetentionDeadlines>();
        services.AddScoped<Features.Dashboard.DeadlineService>();
        services.AddScoped<Features.Dashboard.DashboardService>();
        services.AddScoped<Features.Dashboard.NotificationService>();
        return services;
    }

    /// <summary>
    /// People get the not-found page; API callers get problem details: an error status without a body under <c>/api</c> (an
    /// unknown route, a method the route does not take) is answered with its problem instead of being re-executed as the page.
    /// </summary>
    private static async Task ApiStatusProblemsAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        await next(context);
        if (context.Response.HasStarted || context.Response.StatusCode < 400 || context.Response.ContentLength > 0 || context.Response.ContentType is not null)
            return;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode },
        });
    }

    /// <summary>The request pipeline.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(ApiStatusProblemsAsync);
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapPortalApi();
        app.MapPortalDownloads();
        Features.Exports.ExportEndpoints.MapExports(app);
        return app;
    }
}

/// <summary>
/// Logs every unhandled error with a correlation id. API callers get RFC 7807 problem details carrying the id;
/// people get the friendly error page that shows it. Never a stack trace outside Development.
/// </summary>
public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger, IProblemDetailsService problems, IHostEnvironment env) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        logger.LogError(exception, "Unhandled error, correlation id {CorrelationId}", context.TraceIdentifier);
        var conflict = exception is DbUpdateConcurrencyException;
        if (context.Request.Path.StartsWithSegments("/api") || conflict)
        {
            context.Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = env.IsDevelopment() ? exception : null,
                ProblemDetails = new ProblemDetails
                {
                    Status = context.Response.StatusCode,
                    Title = conflict ? "Someone else changed this record; reload it and try again." : "Something went wrong on our side.",
                    Detail = $"Quote correlation id {context.TraceIdentifier} when you report it.",
                },
            });
        }
        context.Response.Redirect($"/Error?id={Uri.EscapeDataString(context.TraceIdentifier)}");
        return true;
    }
}
