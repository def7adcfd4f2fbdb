using IaasKyc.Domain;
using IaasKyc.Portal.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaasKyc.Portal.Api;

/// <summary>RFC 7807 answers of the API (api.md, "Errors"): 400 with an <c>errors</c> object keyed by the camelCase path of each bad value.</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(IEnumerable<Finding> findings) =>
        TypedResults.ValidationProblem(
            findings.GroupBy(f => string.IsNullOrEmpty(f.Field) ? "request" : f.Field)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray()),
            title: "The request has invalid values; nothing was stored.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} not found.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict.", detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>Maps a command's outcome: invalid → 400, conflict or refusal → 409.</summary>
    public static IResult From(Outcome outcome) =>
        outcome.Conflict || outcome.Refused ? Conflict(outcome.Message) : Invalid(outcome.Findings);
}
