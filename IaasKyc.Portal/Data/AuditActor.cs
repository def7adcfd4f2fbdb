using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace IaasKyc.Portal.Data;

/// <summary>
/// Who is making the change, for the audit trail: the signed-in user (in a request or a Blazor circuit),
/// the API key of an /api call, or a named system job. One per DI scope.
/// </summary>
public sealed class AuditActor(IServiceProvider services)
{
    private string? fixedName;

    /// <summary>For background work and the seed: every change in this scope is attributed to <paramref name="name"/>.</summary>
    public void Use(string name) => fixedName = name;

    public async Task<string> NameAsync()
    {
        if (fixedName is not null) return fixedName;

        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http?.User.Identity?.IsAuthenticated == true) return Describe(http.User);

        if (http is null && services.GetService<AuthenticationStateProvider>() is { } auth)
        {
            try
            {
                var state = await auth.GetAuthenticationStateAsync();
                if (state.User.Identity?.IsAuthenticated == true) return Describe(state.User);
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the provider has no state yet.
            }
        }
        var ip = http?.Connection.RemoteIpAddress;
        return ip is null ? "anonymous" : $"anonymous ({ip})";
    }

    public static string Describe(ClaimsPrincipal user) =>
        user.FindFirstValue(Security.ApiKeyAuthentication.KeyNameClaim) is { } key
            ? $"api-key:{key}"
            : user.Identity?.Name ?? "unknown";
}
