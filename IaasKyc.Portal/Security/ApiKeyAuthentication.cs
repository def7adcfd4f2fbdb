using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using IaasKyc.Portal.Features.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IaasKyc.Portal.Security;

/// <summary>
/// Authenticates /api/v1 calls by the <c>X-Api-Key</c> header only (never a sign-in cookie).
/// A missing or wrong key is a 401 problem, a key without the endpoint's scope a 403 problem.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyService keys, IConfiguration configuration, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyNameClaim = "api-key";
    public const string BootstrapName = "bootstrap";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();
        var presented = values.ToString().Trim();

        if (configuration["Api:BootstrapKey"] is { Length: >= 16 } bootstrap &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(bootstrap)))
            return Success(BootstrapName, ApiScopes.All);

        var key = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        return key is null ? AuthenticateResult.Fail("Unknown or revoked API key.") : Success(key.Name, key.Scopes);
    }

    private AuthenticateResult Success(string name, IEnumerable<string> scopes)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"api-key:{name}"), new(KeyNameClaim, name) };
        claims.AddRange(scopes.Select(s => new Claim(Policies.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = 401,
                Title = "An API key is required.",
                Detail = Request.Headers.ContainsKey(Header)
                    ? "The X-Api-Key header does not hold a valid, unrevoked key."
                    : "Send a key in the X-Api-Key header; an Admin creates keys on the API keys page.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = 403,
                Title = "The API key lacks the scope this endpoint needs.",
                Detail = "Ask an Admin for a key with the scope named in the API documentation.",
            },
        });
    }
}
