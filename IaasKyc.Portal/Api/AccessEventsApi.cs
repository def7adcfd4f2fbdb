using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaasKyc.Portal.Api;

/// <summary>IP access records from the provider's systems (proposed § 7.302; issue 3, item 9).</summary>
public static class AccessEventsApi
{
    public static RouteGroupBuilder MapAccessEventsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/accounts/{reference}/access-events", IngestAsync)
            .RequireAuthorization(Policies.ApiScope(ApiScopes.Customers))
            .AcceptsBody<AccessEventInput[]>("application/json")
            .Produces<AccessEventsStored>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("IngestAccessEvents")
            .WithSummary("Records the IP addresses used to access or administer an account, with the time of each.")
            .WithDescription(
                "Body: a JSON array of up to 10,000 entries `{ \"ip\", \"at\", \"kind\" }`: `ip` an IPv4 or IPv6 address; `at` an ISO 8601 time " +
                "with an offset or Z (stored in UTC; at most 5 minutes ahead, not before 1990); `kind` `access` or `administration`. " +
                "The batch is stored whole or not at all: one bad entry returns 400 with `errors` keyed by its index (`[3].ip`). " +
                "202 with `{ \"stored\": n }`; 404 for an unknown account reference; 413 for more than 10,000 entries.");
        return v1;
    }

    /// <summary>10,000 entries of a few dozen bytes each fit with room to spare; a larger body is refused (413) before it is parsed.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private static async Task<IResult> IngestAsync(string reference, HttpContext http, AccessEventService service, CancellationToken ct)
    {
        // The portal's strict reader: size cap, duplicated keys refused, errors keyed by the entry's path ("[3].at").
        var (rows, problem) = await ApiJson.ReadAsync<List<AccessEventInput?>>(http, ct, MaxBodyBytes);
        if (problem is not null) return problem;
        if (rows!.Count > AccessEventService.MaxBatch) return TooLarge(rows.Count);

        var result = await service.IngestAsync(reference, rows, ct);
        if (result.AccountNotFound) return ApiProblems.NotFound($"Account {reference}");
        if (result.TooLarge) return TooLarge(rows.Count);
        if (!result.Ok) return ApiProblems.Invalid(result.Findings);
        return TypedResults.Accepted((string?)null, new AccessEventsStored(result.Stored));
    }

    private static ProblemHttpResult TooLarge(int count) => TypedResults.Problem(
        title: "Too many entries; nothing was stored.",
        detail: $"Send at most {AccessEventService.MaxBatch:N0} entries per call; this one has {count:N0}.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}

public sealed record AccessEventsStored(int Stored);
