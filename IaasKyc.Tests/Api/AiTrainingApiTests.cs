using System.Net;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Api;

/// <summary><c>GET /api/v1/ai-training/estimate</c> (scope <c>signals</c>) through the running app, over the seeded catalogue and default rule pack.</summary>
public sealed class AiTrainingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string query, string scope = ApiScopes.Signals) =>
        await factory.Client(await factory.CreateKeyAsync(scope)).GetAsync("/api/v1/ai-training/estimate?" + query, Ct);

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    [Fact]
    public async Task Parameters_and_tokens_give_six_times_their_product_with_the_training_comparison()
    {
        var response = await GetAsync("parameters=2e12&tokens=1e13");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal(1.2e26, (double)body["estimatedOperations"]!, 1e12);
        Assert.Null(body["clusterOpsPerSecond"]);
        Assert.Equal(["trainingCompute"], body["thresholdsMet"]!.AsArray().Select(t => (string?)t));
        var comparison = body["comparisons"]![0]!;
        Assert.Equal("trainingCompute", (string?)comparison["threshold"]);
        Assert.Equal(1e26, (double)comparison["limit"]!);
        Assert.Equal(1.2, (double)comparison["ratio"]!, 1e-9);
        Assert.True((bool)comparison["met"]!);
    }

    [Fact]
    public async Task Biological_data_adds_the_1e23_comparison()
    {
        var body = await JsonOf(await GetAsync("parameters=1e9&tokens=2e13&biologicalData=true"));

        Assert.Equal(["biologicalTrainingCompute"], body["thresholdsMet"]!.AsArray().Select(t => (string?)t));
        Assert.Contains(body["comparisons"]!.AsArray(), c => (string?)c!["threshold"] == "biologicalTrainingCompute" && (double)c["limit"]! == 1e23);
    }

    [Fact]
    public async Task An_accelerator_name_in_any_case_gives_the_cluster_capacity_and_the_cluster_threshold()
    {
        var response = await GetAsync("accelerator=h100&count=110000&hours=200&utilization=0.4&networkGbps=400");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal(110_000 * 989e12, (double)body["clusterOpsPerSecond"]!, 1e6);
        Assert.Equal(110_000.0 * 200 * 3600 * 989e12 * 0.4, (double)body["estimatedOperations"]!, 1e12);
        Assert.Equal(["cluster"], body["thresholdsMet"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(["trainingCompute", "clusterCapacity", "clusterNetworking"], body["comparisons"]!.AsArray().Select(c => (string?)c!["threshold"]));
    }

    [Theory]
    [InlineData("parameters=abc&tokens=1e12", "parameters")]
    [InlineData("parameters=-7&tokens=1e12", "parameters")]
    [InlineData("parameters=7e10", "tokens")]
    [InlineData("parameters=7e10&tokens=Infinity", "tokens")]
    [InlineData("accelerator=TPU9&count=8&hours=1", "accelerator")]
    [InlineData("accelerator=H100&count=8.5&hours=1", "count")]
    [InlineData("accelerator=H100&count=8&hours=0", "hours")]
    [InlineData("accelerator=H100&count=8&hours=1&utilization=1.5", "utilization")]
    [InlineData("accelerator=H100&count=8&hours=1&networkGbps=-1", "networkGbps")]
    [InlineData("parameters=7e10&tokens=1e12&biologicalData=maybe", "biologicalData")]
    [InlineData("parameters=7e10&tokens=1e12&accelerator=H100", "accelerator")]
    [InlineData("", "parameters")]
    public async Task Invalid_input_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var response = await GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await JsonOf(response))["errors"]![parameter]);
    }

    [Fact]
    public async Task The_estimate_needs_the_signals_scope()
    {
        var response = await GetAsync("parameters=7e10&tokens=1e12", ApiScopes.Screening);
        var anonymous = await factory.Client().GetAsync("/api/v1/ai-training/estimate?parameters=7e10&tokens=1e12", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
