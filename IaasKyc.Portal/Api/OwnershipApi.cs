using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Api;

/// <summary>Beneficial ownership of entity customers (issue 4, regulation.md §1): the structure, replaced as a whole, and its computed owners.</summary>
public static class OwnershipApi
{
    public static RouteGroupBuilder MapOwnershipApi(this RouteGroupBuilder v1)
    {
        var ownership = v1.MapGroup("/customers/{id}/ownership").RequireAuthorization(Policies.ApiScope(ApiScopes.Customers));

        ownership.MapPut("", PutAsync)
            .WithName("ReplaceOwnership")
            .WithSummary("Replaces an entity customer's ownership structure and returns its beneficial owners.")
            .WithDescription("""
                Body: `{ "nodes": [ { "key", "kind", "name", "country", "registrationNumber"?, "confirmedBlocked"? } ],
                "edges": [ { "from", "to", "percent"?, "control"?, "controlDescription"? } ] }`. The customer itself is the key
                `customer` (not listed among the nodes). `kind` is `individual` or `entity`; `percent` is a JSON number in (0, 100];
                `control` is `seniorOfficer`, `director`, `appointsOrRemovesOfficers` or `other` (with `controlDescription`),
                case-insensitive. Beneficial owners: individuals owning, over all paths, at least the rule pack's threshold (25 %),
                and individuals with a control role over the customer. `blocked` applies the OFAC 50 % rule to owners flagged
                `confirmedBlocked`. A new beneficial owner sends a verified customer back to review. Each beneficial owner carries its
                `determination` (`usPerson`, `foreignPerson` or null) and `verified` (a foreign owner's verification), kept by node key.
                Refused structures (cycles, owners over 100 %, bad percentages, individuals with owners, dangling nodes, no control
                person): 400 problem details with `errors` keyed `nodes[2]`, `edges[4].percent`, …; the stored structure is unchanged.
                An individual customer: 400. Unknown customer: 404.
                """)
            .AcceptsBody<OwnershipInput>("application/json")
            .Produces<OwnershipResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        ownership.MapGet("", GetAsync)
            .WithName("GetOwnership")
            .WithSummary("Returns the stored ownership structure with its computed beneficial owners (empty nodes and edges when none is stored yet; 404 for an unknown customer).")
            .Produces<OwnershipResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return v1;
    }

    private static async Task<IResult> PutAsync(string id, HttpContext http, OwnershipService service, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var customerId)) return ApiProblems.NotFound("Customer");
        var (body, problem) = await ApiJson.ReadAsync<OwnershipInput>(http, ct);
        if (problem is not null) return problem;

        var outcome = await service.ReplaceAsync(customerId, body, ct: ct);
        if (outcome.Findings.Any(f => f.Code == OwnershipService.NotFoundCode)) return ApiProblems.NotFound("Customer");
        if (!outcome.Ok) return ApiProblems.From(outcome);
        return await service.GetAsync(customerId, ct) is { } view ? TypedResults.Ok(OwnershipResponse.From(view)) : ApiProblems.NotFound("Customer");
    }

    private static async Task<IResult> GetAsync(string id, OwnershipService service, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var customerId) || await service.GetAsync(customerId, ct) is not { } view) return ApiProblems.NotFound("Customer");
        return TypedResults.Ok(OwnershipResponse.From(view));
    }
}

public sealed record OwnershipResponse(
    Guid CustomerId, IReadOnlyList<OwnerNodeResponse> Nodes, IReadOnlyList<OwnershipEdgeResponse> Edges,
    IReadOnlyList<BeneficialOwnerResponse> BeneficialOwners, BlockedResponse Blocked, DateTime? UpdatedAt, string? UpdatedBy)
{
    public static OwnershipResponse From(OwnershipView v) => new(
        v.CustomerId,
        [.. v.Graph.Nodes.Select(n => new OwnerNodeResponse(n.Key, n.Kind, n.Name, n.Country, n.RegistrationNumber, n.ConfirmedBlocked))],
        [.. v.Graph.Edges.Select(e => new OwnershipEdgeResponse(e.From, e.To, e.Percent, e.Control, e.ControlDescription))],
        [.. v.Result.BeneficialOwners.Select(o => new BeneficialOwnerResponse(o.Key, o.Name, o.Country, o.EffectivePercent, o.Reasons,
            v.Owners.GetValueOrDefault(o.Key)?.UsPerson switch { true => OwnerDetermination.UsPerson, false => OwnerDetermination.ForeignPerson, null => null },
            v.Owners.GetValueOrDefault(o.Key)?.Verified ?? false))],
        new BlockedResponse(v.Result.Blocked.Blocked, v.Result.Blocked.Percent,
            [.. v.Result.Blocked.Contributors.Select(c => new BlockedOwnerResponse(c.Key, c.Name, c.Percent))]),
        v.UpdatedAtUtc, v.UpdatedBy);
}

public sealed record OwnerNodeResponse(string Key, OwnerKind Kind, string Name, string? Country, string? RegistrationNumber, bool ConfirmedBlocked);

public sealed record OwnershipEdgeResponse(string From, string To, decimal? Percent, ControlRole? Control, string? ControlDescription);

/// <summary>
/// <c>effectivePercent</c> keeps full precision; round to two places for display. <c>determination</c> is <c>usPerson</c>,
/// <c>foreignPerson</c> or null (not yet determined); <c>verified</c> is true once an Officer verified a foreign owner's evidence.
/// </summary>
public sealed record BeneficialOwnerResponse(string Key, string Name, string? Country, decimal EffectivePercent, IReadOnlyList<string> Reasons,
    OwnerDetermination? Determination, bool Verified);

public enum OwnerDetermination { UsPerson, ForeignPerson }

/// <summary>The OFAC 50 % rule: blocked when confirmed-blocked owners together own the rule pack's threshold or more.</summary>
public sealed record BlockedResponse(bool Blocked, decimal Percent, IReadOnlyList<BlockedOwnerResponse> Owners);

public sealed record BlockedOwnerResponse(string Key, string Name, decimal Percent);
