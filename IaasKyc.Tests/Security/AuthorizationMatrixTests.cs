using System.Net;
using System.Text.RegularExpressions;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Security;

/// <summary>The real app, with a sign-in cookie for each role and an API key for each scope.</summary>
public sealed class MatrixApp : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();
    public Dictionary<string, string> RoleCookies { get; } = [];
    public Dictionary<string, string> ScopeKeys { get; } = [];
    public string AllRolesCookie { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        foreach (var role in Roles.All) RoleCookies[role] = await Factory.SignInCookieAsync(role);
        AllRolesCookie = await Factory.SignInCookieAsync([.. Roles.All]);
        foreach (var scope in ApiScopes.All) ScopeKeys[scope] = await Factory.CreateKeyAsync(scope);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>Every page and endpoint of the running app, keyed as <see cref="AuthorizationMatrix.Table"/> keys them.</summary>
    public IReadOnlyList<(string Key, Endpoint Endpoint)> Endpoints()
    {
        var source = Factory.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<(string, Endpoint)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (!route.StartsWith('/')) route = "/" + route;
            if (route.Length > 1) route = route.TrimEnd('/');
            // Framework plumbing (the circuit hub, its scripts) and the static files carry no data of their own.
            if (route.StartsWith("/_blazor", StringComparison.Ordinal) || route.StartsWith("/_framework", StringComparison.Ordinal)) continue;
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || route.Contains(":file}", StringComparison.Ordinal)) continue;
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                list.Add((route, endpoint));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            list.AddRange(methods.Select(m => ($"{m} {route}", (Endpoint)endpoint)));
        }
        return list;
    }
}

/// <summary>
/// Item 5 of issue 10: every page and endpoint of the running app, for anonymous, each role and each API-key scope,
/// against the one table (<see cref="AuthorizationMatrix"/>), itself held against api.md's role table.
/// </summary>
public sealed partial class AuthorizationMatrixTests(MatrixApp app) : IClassFixture<MatrixApp>
{
    private enum Access { Allowed, SignIn, Denied, Unauthorized, Forbidden }

    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Every_page_and_endpoint_of_the_running_app_has_an_entry_in_the_table()
    {
        var keys = app.Endpoints().Select(e => e.Key).Distinct().ToList();

        var missing = keys.Where(k => !AuthorizationMatrix.Table.ContainsKey(k)).ToList();
        var stale = AuthorizationMatrix.Table.Keys.Where(k => !keys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.True(missing.Count == 0, "Add to AuthorizationMatrix.Table (IaasKyc.Tests/Security/AuthorizationMatrix.cs) one line per page or endpoint, " +
            "with the policy api.md gives it, for example:\n" + string.Join("\n", missing.Select(k => $"        [\"{k}\"] = Policies.…, // or Api(ApiScopes.…) or Anonymous")));
        Assert.True(stale.Count == 0, "These rows of AuthorizationMatrix.Table match no page or endpoint any more; remove or correct them:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Each_page_and_endpoint_declares_exactly_the_policy_of_its_row()
    {
        var wrong = new List<string>();
        foreach (var (key, endpoint) in app.Endpoints())
        {
            if (!AuthorizationMatrix.Table.TryGetValue(key, out var expected)) continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Distinct().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var ok = expected == AuthorizationMatrix.Anonymous
                ? anonymous || policies.Count == 0
                : !anonymous && policies is [var only] && only == expected;
            if (!ok) wrong.Add($"{key}: declares {(anonymous ? "[AllowAnonymous] " : "")}[{string.Join(", ", policies)}], the table says {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_portal_policies_give_the_roles_of_api_md()
    {
        var wrong = Policies.Table
            .Where(p => !p.Value.Order().SequenceEqual(AuthorizationMatrix.RolesFromApiMd(p.Key).Order()))
            .Select(p => $"{p.Key}: [{string.Join(", ", p.Value)}], api.md gives [{string.Join(", ", AuthorizationMatrix.RolesFromApiMd(p.Key))}]")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public static TheoryData<string> Rows() => [.. AuthorizationMatrix.Table.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Anonymous_each_role_and_each_key_scope_get_what_the_table_says(string row)
    {
        var access = AuthorizationMatrix.Table[row];
        var (method, url) = Request(row);
        var isApi = access.StartsWith("api:", StringComparison.Ordinal);
        var expectations = new List<(string Who, string? Cookie, string? Key, Access Expected)>
        {
            ("anonymous", null, null, access == AuthorizationMatrix.Anonymous ? Access.Allowed : isApi ? Access.Unauthorized : Access.SignIn),
        };
        if (isApi)
        {
            // Cookies never reach the API, whatever the roles; each key reaches exactly its scope.
            expectations.Add(("a user with every role (cookie)", app.AllRolesCookie, null, Access.Unauthorized));
            expectations.AddRange(app.ScopeKeys.Select(k => ($"key with scope {k.Key}", (string?)null, (string?)k.Value,
                Policies.ApiScope(k.Key) == access ? Access.Allowed : Access.Forbidden)));
        }
        else
        {
            expectations.AddRange(app.RoleCookies.Select(r => (r.Key, (string?)r.Value, (string?)null,
                access == AuthorizationMatrix.Anonymous || AuthorizationMatrix.RolesFromApiMd(access).Contains(r.Key) ? Access.Allowed : Access.Denied)));
            // An API key, even one with every scope, never signs anyone in to a page.
            expectations.Add(("the bootstrap key (every scope)", null, ApiFactory.BootstrapKey, access == AuthorizationMatrix.Anonymous ? Access.Allowed : Access.SignIn));
        }

        // Requests carry no body: a handler that authorization lets through refuses the missing body (400).
        var wrong = new List<string>();
        using var client = app.Factory.Client();
        foreach (var (who, cookie, key, expected) in expectations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (cookie is not null) request.Headers.Add("Cookie", cookie);
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request, ct);
            var actual = Classify(response);
            if (actual != expected || (int)response.StatusCode >= 500)
                wrong.Add($"{who}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
            else if (actual is Access.Unauthorized or Access.Forbidden && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                wrong.Add($"{who}: {(int)response.StatusCode} without problem details");
        }
        Assert.True(wrong.Count == 0, $"{row} ({access}):\n" + string.Join("\n", wrong));
    }

    private static Access Classify(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized) return Access.Unauthorized;
        if (response.StatusCode == HttpStatusCode.Forbidden) return Access.Forbidden;
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString) : "";
        // A challenge sends to the sign-in page with the way back; signing out lands there without one.
        if (location.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) && response.Headers.Location!.OriginalString.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase)) return Access.SignIn;
        if (location.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)) return Access.Denied;
        return Access.Allowed;
    }

    /// <summary>"GET /customers/{id:guid}" → GET and a URL with a fresh id; a page row is a GET.</summary>
    private static (string Method, string Url) Request(string row)
    {
        var (method, route) = row.StartsWith('/') ? ("GET", row) : (row[..row.IndexOf(' ')], row[(row.IndexOf(' ') + 1)..]);
        if (method == "ANY") method = "GET";
        var url = Parameter().Replace(route, m => m.Groups["name"].Value switch
        {
            "documentName" => "v1",
            _ when m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ when m.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) => "1",
            _ => "unknown",
        });
        return (method, url);
    }

    [GeneratedRegex("{(?<name>[A-Za-z]+)(:(?<constraint>[^}]+))?}")]
    private static partial Regex Parameter();
}
