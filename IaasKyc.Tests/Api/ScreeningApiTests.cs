using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Api;

/// <summary>List imports (scope <c>lists</c>) and name search (scope <c>screening</c>) through the running app.</summary>
public sealed class ScreeningApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(Dictionary<string, byte[]> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, name, name + ".csv");
        }
        return form;
    }

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    private async Task<HttpResponseMessage> ImportSdnAsync() =>
        await factory.Client(await factory.CreateKeyAsync(ApiScopes.Lists)).PostAsync("/api/v1/lists/ofac-sdn", Form(ListFixtures.Sdn()), Ct);

    [Fact]
    public async Task An_SDN_import_answers_201_with_the_snapshot_and_each_files_digest()
    {
        var files = ListFixtures.Sdn();

        var response = await ImportSdnAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("ofac-sdn", (string?)body["source"]);
        Assert.Equal(2, (int)body["entries"]!);
        Assert.Equal(1, (int)body["aliases"]!);
        var sdn = body["files"]!.AsArray().Single(f => (string?)f!["name"] == "sdn")!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files["sdn"])), (string?)sdn["sha256"]);
        var lists = await JsonOf(await factory.Client(await factory.CreateKeyAsync(ApiScopes.Lists)).GetAsync("/api/v1/lists", Ct));
        Assert.Contains(lists.AsArray(), s => (string?)s!["id"] == (string?)body["id"]);
    }

    [Fact]
    public async Task A_malformed_file_answers_400_keyed_by_its_field_with_the_line()
    {
        var response = await factory.Client(await factory.CreateKeyAsync(ApiScopes.Lists))
            .PostAsync("/api/v1/lists/csl", Form(ListFixtures.BrokenCsl()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (string?)(await JsonOf(response))["errors"]!["csl"]![0];
        Assert.StartsWith("Line 3", message);
    }

    [Fact]
    public async Task A_missing_file_answers_400_naming_it()
    {
        var files = ListFixtures.Sdn();
        files.Remove("alt");

        var response = await factory.Client(await factory.CreateKeyAsync(ApiScopes.Lists)).PostAsync("/api/v1/lists/ofac-sdn", Form(files), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonOf(response))["errors"]!["alt"]);
    }

    [Fact]
    public async Task Imports_need_the_lists_scope_and_search_the_screening_scope()
    {
        var screeningOnly = factory.Client(await factory.CreateKeyAsync(ApiScopes.Screening));
        var listsOnly = factory.Client(await factory.CreateKeyAsync(ApiScopes.Lists));

        Assert.Equal(HttpStatusCode.Forbidden, (await screeningOnly.PostAsync("/api/v1/lists/ofac-sdn", Form(ListFixtures.Sdn()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await listsOnly.GetAsync("/api/v1/screening/search?name=Korvex", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client().GetAsync("/api/v1/lists", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("ofac-sdn", "sdn")]
    [InlineData("bis-dpl", "dpl")]
    [InlineData("csl", "csl")]
    public async Task JSON_posted_to_an_import_is_checked_for_the_key_first_then_answered_with_a_400_naming_the_file_field(string list, string field)
    {
        var url = $"/api/v1/lists/{list}";
        static StringContent Json() => new("{\"sdn\": \"not a file\"}", Encoding.UTF8, "application/json");

        using var anonymous = await factory.Client().PostAsync(url, Json(), Ct);
        using var wrongScope = await factory.Client(await factory.CreateKeyAsync(ApiScopes.Screening)).PostAsync(url, Json(), Ct);
        using var listsKey = await factory.Client(await factory.CreateKeyAsync(ApiScopes.Lists)).PostAsync(url, Json(), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, listsKey.StatusCode);
        Assert.All([anonymous, wrongScope, listsKey], r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Contains("multipart/form-data", (string?)(await JsonOf(listsKey))["errors"]![field]![0]);
    }

    [Fact]
    public async Task A_search_answers_the_threshold_and_the_matches_with_their_explanation()
    {
        Assert.Equal(HttpStatusCode.Created, (await ImportSdnAsync()).StatusCode);
        var client = factory.Client(await factory.CreateKeyAsync(ApiScopes.Screening));

        var body = await JsonOf(await client.GetAsync("/api/v1/screening/search?name=Korveks%20Data&type=entity&limit=5", Ct));

        Assert.True((double)body["threshold"]! is > 0 and < 1);
        var match = body["matches"]!.AsArray().First()!;
        Assert.Equal("ofac-sdn", (string?)match["source"]);
        Assert.Equal("9001", (string?)match["entryId"]);
        Assert.Equal("KORVEX DATA SYSTEMS LLC", (string?)match["name"]);
        Assert.Equal("KORVEKS DATA", (string?)match["matchedName"]);
        Assert.Equal("entity", (string?)match["type"]);
        Assert.Equal("CYBER2", (string?)match["programs"]![0]);
        Assert.InRange((double)match["score"]!, (double)body["threshold"]!, 1);
        Assert.Contains("korveks", (string?)match["explanation"]);
        var none = await JsonOf(await client.GetAsync("/api/v1/screening/search?name=Blue%20Ridge%20Analytics", Ct));
        Assert.Empty(none["matches"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/screening/search", "name")]
    [InlineData("/api/v1/screening/search?name=%20", "name")]
    [InlineData("/api/v1/screening/search?name=Korvex&type=vessel", "type")]
    [InlineData("/api/v1/screening/search?name=Korvex&country=XX", "country")]
    [InlineData("/api/v1/screening/search?name=Korvex&limit=0", "limit")]
    public async Task Bad_search_parameters_answer_400_naming_the_parameter(string url, string field)
    {
        var response = await factory.Client(await factory.CreateKeyAsync(ApiScopes.Screening)).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonOf(response))["errors"]![field]);
    }
}
