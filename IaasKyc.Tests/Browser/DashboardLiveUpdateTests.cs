using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>Issue 9 item 5: two users, two browsers; the Approver's Home counts a submission the moment an Officer makes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardLiveUpdateTests(PortalServer portal)
{
    [Fact]
    public async Task An_officer_s_submission_raises_the_approver_s_queue_count_on_Home_without_a_reload()
    {
        var id = await DraftViaApiAsync();
        await using var approverContext = await portal.NewContextAsync();
        var approver = await approverContext.NewPageAsync();
        await PortalServer.SignInAsync(approver, "approver@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(approver);
        var count = approver.GetByTestId("approver-customers").GetByTestId("summary-value");
        await Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var approverUrl = approver.Url;

        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalServer.SignInAsync(officer, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await officer.GotoAsync($"/customers/{id}");
        await PortalServer.WaitForCircuitAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Submit for verification" }).ClickAsync();
        await Expect(officer.GetByTestId("status-chip")).Not.ToHaveTextAsync("Draft");

        await Expect(count).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(approverUrl, approver.Url);
    }

    /// <summary>A complete U.S. individual taken in through the API as a Draft, ready for an Officer to submit.</summary>
    private async Task<string> DraftViaApiAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", portal.ApiBootstrapKey);
        var body = new JsonObject
        {
            ["kind"] = "individual",
            ["name"] = $"Dana Live {unique}",
            ["address"] = new JsonObject { ["line1"] = "500 Market Street", ["city"] = "San Francisco", ["region"] = "CA", ["postalCode"] = "94105", ["country"] = "US" },
            ["email"] = $"dana.{unique}@example.com",
            ["phone"] = "+1 415 555 0134",
            ["citizenshipOrJurisdiction"] = "US",
            ["dateOfBirthOrIncorporation"] = "1984-07-19",
            ["determination"] = new JsonObject { ["usPerson"] = true, ["basis"] = "U.S. passport seen", ["noticeGivenOn"] = "2026-05-01", ["noticeVersion"] = "CIP v1" },
            ["accounts"] = new JsonArray(new JsonObject
            {
                ["reference"] = $"ACC-LIVE-{unique}",
                ["paymentMeans"] = new JsonObject { ["type"] = "card", ["issuerCountry"] = "US", ["identifier"] = "4111111111111111" },
                ["paymentSource"] = "customer",
            }),
        };
        var response = await http.PostAsJsonAsync("/api/v1/customers", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }
}
