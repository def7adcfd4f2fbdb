using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace IaasKyc.Portal.Security;

/// <summary>
/// What the signed-in user may do on an interactive page. Pages hide actions the user lacks, and check again
/// on the server before acting, so a hidden button is never the only guard.
/// </summary>
public sealed class PageAccess(AuthenticationStateProvider auth, IAuthorizationService authorization)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await auth.GetAuthenticationStateAsync()).User;

    public async Task<bool> AllowsAsync(string policy) => (await authorization.AuthorizeAsync(await UserAsync(), policy)).Succeeded;

    /// <summary>Throws when the user lacks <paramref name="policy"/>; the page's error boundary reports it.</summary>
    public async Task DemandAsync(string policy)
    {
        if (!await AllowsAsync(policy)) throw new UnauthorizedAccessException($"Your roles do not allow this action ({policy}).");
    }

    public async Task<string> UserIdAsync() => (await UserAsync()).FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task<string> UserNameAsync() => (await UserAsync()).Identity?.Name ?? "unknown";
}
