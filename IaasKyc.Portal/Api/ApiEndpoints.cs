using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Api;

/// <summary>The /api/v1 surface, grouped by feature. Each endpoint names its scope policy (api.md).</summary>
public static class ApiEndpoints
{
    public const string RateLimitPolicy = "api";

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1")
            .WithTags("IaasKyc API v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .DisableAntiforgery();

        var audit = v1.MapGroup("/audit").RequireAuthorization(Policies.ApiScope(ApiScopes.Audit));
        audit.MapGet("/verify", async (AuditService service, CancellationToken ct) =>
            {
                var result = await service.VerifyAsync(ct: ct);
                return TypedResults.Ok(new ChainVerificationResponse(result.Ok, result.Entries, result.FirstBrokenSequence));
            })
            .WithName("VerifyAuditChain")
            .WithSummary("Re-computes the audit trail's hash chain and reports the first broken entry, if any.");
        v1.MapAccessEventsApi();

        v1.MapCustomersApi();
        v1.MapOwnershipApi();
        v1.MapScreeningApi();
        v1.MapAiTrainingApi();

        return app;
    }

    /// <summary>
    /// Documents the request body in the OpenAPI document, and lets any content type reach the endpoint: a plain
    /// <c>Accepts</c> makes routing answer another content type with its own empty 415, before the API key is checked
    /// (and re-executed as an empty 400 by the status code pages). The handler refuses a wrong body as problem details.
    /// </summary>
    public static RouteHandlerBuilder AcceptsBody<TRequest>(this RouteHandlerBuilder endpoint, string contentType) where TRequest : notnull =>
        endpoint.Accepts<TRequest>(contentType, "*/*");
}

public sealed record ChainVerificationResponse(bool Ok, long Entries, long? FirstBrokenSequence);
