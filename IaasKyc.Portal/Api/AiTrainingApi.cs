using System.Globalization;
using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Security;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IaasKyc.Portal.Api;

/// <summary>Compute estimates against the rule-pack thresholds (issue 7, item 6; regulation.md § 6).</summary>
public static class AiTrainingApi
{
    public static RouteGroupBuilder MapAiTrainingApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/ai-training/estimate", EstimateAsync)
            .RequireAuthorization(Policies.ApiScope(ApiScopes.Signals))
            .Produces<EstimateResponse>()
            .ProducesValidationProblem()
            .WithName("EstimateTrainingCompute")
            .WithSummary("Estimates a training run's compute and compares it with the rule pack's thresholds.")
            .WithDescription("Either `parameters` and `tokens` (6 × parameters × tokens) or `accelerator` (a catalogue name, any case), `count`, `hours`, " +
                "`utilization` (0–1, default the rule pack's `aiDefaultUtilization`) and `networkGbps`; `biologicalData=true` adds the threshold for mainly " +
                "biological sequence data. Answers `{ \"method\", \"estimatedOperations\", \"clusterOpsPerSecond\", \"thresholdsMet\", \"comparisons\": " +
                "[ { \"threshold\", \"value\", \"limit\", \"ratio\", \"met\" } ], \"arithmetic\" }`. A threshold is met when the value is strictly greater. " +
                "`thresholdsMet` names `trainingCompute`, `biologicalTrainingCompute` and `cluster` (capacity above `aiClusterThresholdOpsPerSecond` and " +
                "networking above `aiClusterNetworkGbps`, both compared as `clusterCapacity` and `clusterNetworking`). Invalid input: 400 keyed by the parameter.");
        v1.MapPost("/usage-signals", SignalAsync)
            .RequireAuthorization(Policies.ApiScope(ApiScopes.Signals))
            .AcceptsBody<UsageSignalInput>("application/json")
            .Produces<SignalResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RecordUsageSignal")
            .WithSummary("Stores a usage signal of an account and opens or joins an AI-training case when its compute warrants it.")
            .WithDescription("Body `{ \"accountReference\", \"accelerator\", \"acceleratorCount\", \"hours\", \"utilization\"?, \"start\", \"end\"?, " +
                "\"networkGbps\"?, \"biologicalData\"? }` (times ISO 8601 with an offset). 202 with `{ \"estimatedOperations\", \"clusterOpsPerSecond\", " +
                "\"thresholdsMet\", \"caseId\" }`: a case opens for a foreign customer when the account's cumulative estimate reaches `aiEarlyWarningFraction` " +
                "of the threshold, with the signal's receipt as the date of knowledge; later signals join the account's open case; with `aiModuleEnabled` " +
                "false the signal is stored and `caseId` is null. 404 for an unknown account; 400 keyed by the field for an unknown accelerator or invalid numbers.");
        return v1;
    }

    private static async Task<IResult> SignalAsync(HttpRequest request, UsageSignalService signals, IOptions<HttpJsonOptions> json, CancellationToken ct)
    {
        UsageSignalInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<UsageSignalInput>(request.Body, json.Value.SerializerOptions, ct);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
            return ApiProblems.Invalid([new Finding("json.invalid", "Give this value with the right type: numbers as JSON numbers, times as ISO 8601 strings with an offset.", field)]);
        }
        if (input is null) return ApiProblems.Invalid([new Finding("json.required", "Send a JSON object.", "")]);
        var (recorded, findings, unknownAccount) = await signals.RecordAsync(input, ct);
        if (unknownAccount) return ApiProblems.NotFound($"Account {input.AccountReference}");
        if (recorded is null) return ApiProblems.Invalid(findings);
        var e2 = recorded.Estimate;
        return TypedResults.Accepted((string?)null, new SignalResponse(e2.EstimatedOperations, e2.ClusterOpsPerSecond, e2.ThresholdsMet, recorded.CaseId));
    }

    private static async Task<IResult> EstimateAsync(HttpRequest request, AiTrainingService service, CancellationToken ct)
    {
        var q = request.Query;
        var f = new List<Finding>();
        var parameters = Number(q, "parameters", f);
        var tokens = Number(q, "tokens", f);
        var accelerator = q["accelerator"].ToString();
        var count = Number(q, "count", f);
        var hours = Number(q, "hours", f);
        var utilization = Number(q, "utilization", f);
        var network = Number(q, "networkGbps", f);
        var biological = Flag(q, "biologicalData", f);
        var tokensForm = q.ContainsKey("parameters") || q.ContainsKey("tokens");
        var acceleratorForm = q.ContainsKey("accelerator") || q.ContainsKey("count") || q.ContainsKey("hours");
        if (tokensForm && acceleratorForm)
        {
            f.Add(new("estimate.oneForm", "Use either parameters and tokens, or accelerator, count and hours, not both.", "parameters"));
            f.Add(new("estimate.oneForm", "Use either parameters and tokens, or accelerator, count and hours, not both.", "accelerator"));
        }
        else if (!tokensForm && !acceleratorForm)
        {
            f.Add(new("estimate.form", "Give parameters and tokens, or accelerator, count and hours.", "parameters"));
        }
        if (f.Count > 0) return ApiProblems.Invalid(f);

        var (estimate, findings) = tokensForm
            ? await service.EstimateAsync(new ParametersTokensInput(parameters, tokens, biological), ct)
            : await service.EstimateAsync(new AcceleratorEstimateInput(accelerator, count, hours, utilization, network, biological), ct);
        return estimate is null ? ApiProblems.Invalid(findings) : TypedResults.Ok(EstimateResponse.From(estimate));
    }

    private static double? Number(IQueryCollection q, string name, List<Finding> f)
    {
        if (!q.TryGetValue(name, out var values)) return null;
        if (values.Count != 1)
        {
            f.Add(new($"{name}.once", $"Give {name} once.", name));
            return null;
        }
        var raw = values[0]?.Trim();
        if (string.IsNullOrEmpty(raw) || raw.Length > 40 || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            f.Add(new($"{name}.number", $"Give {name} as a number, for example 7e10 or 0.4.", name));
            return null;
        }
        return value;
    }

    private static bool Flag(IQueryCollection q, string name, List<Finding> f)
    {
        if (!q.TryGetValue(name, out var values)) return false;
        if (values.Count == 1 && bool.TryParse(values[0], out var flag)) return flag;
        f.Add(new($"{name}.boolean", $"Give {name} as true or false.", name));
        return false;
    }
}

public sealed record SignalResponse(double EstimatedOperations, double? ClusterOpsPerSecond, IReadOnlyList<string> ThresholdsMet, Guid? CaseId);

public sealed record ComparisonResponse(string Threshold, double Value, double Limit, double Ratio, bool Met);

public sealed record EstimateResponse(
    string Method, double EstimatedOperations, double? ClusterOpsPerSecond, IReadOnlyList<string> ThresholdsMet,
    IReadOnlyList<ComparisonResponse> Comparisons, IReadOnlyList<string> Arithmetic)
{
    public static EstimateResponse From(ComputeEstimate e) => new(
        e.Method == EstimateMethod.ParametersTokens ? "parametersTokens" : "accelerators",
        e.EstimatedOperations, e.ClusterOpsPerSecond, e.ThresholdsMet,
        [.. e.Comparisons.Select(c => new ComparisonResponse(c.Threshold, c.Value, c.Limit, c.Ratio, c.Met))],
        e.Arithmetic);
}
