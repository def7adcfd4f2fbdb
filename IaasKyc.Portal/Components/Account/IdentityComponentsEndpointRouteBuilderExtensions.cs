using IaasKyc.Portal.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IaasKyc.Portal.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Sign-out: a POST with an antiforgery token (400 without), back to the sign-in page.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async Task<Results<ProblemHttpResult, RedirectHttpResult>> (HttpContext http, IAntiforgery antiforgery,
            [FromServices] SignInManager<PortalUser> signInManager) =>
        {
            // A minimal API that binds no form is not checked by UseAntiforgery: without this, any site could sign users out.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(title: "The sign-out request is missing its antiforgery token.",
                    detail: "Sign out with the Sign out button of the portal.", statusCode: StatusCodes.Status400BadRequest);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).AllowAnonymous();
        return accountGroup;
    }
}
