using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.SpecialMeasures;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

/// <summary>The provisioning gate of api.md under special measures: an effective prohibition blocks, a pending one does not.</summary>
public sealed class SpecialMeasureProvisioningApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A U.S. individual paying with a card issued in <paramref name="issuerCountry"/>, submitted: the gate allows a submitted U.S. person
    /// (api.md), so only a special measure can block it. Returns its id.
    /// </summary>
    private async Task<Guid> SubmittedUsPersonAsync(string issuerCountry, string name)
    {
        var body = new JsonObject
        {
            ["kind"] = "individual",
            ["name"] = name,
            ["address"] = new JsonObject { ["line1"] = "500 Market Street", ["city"] = "San Francisco", ["region"] = "CA", ["postalCode"] = "94105", ["country"] = "US" },
            ["email"] = "person@mail.example",
            ["phone"] = "+1 415 555 0134",
            ["citizenshipOrJurisdiction"] = "US",
            ["dateOfBirthOrIncorporation"] = "1980-01-01",
            ["determination"] = new JsonObject { ["usPerson"] = true, ["basis"] = "U.S. passport seen", ["noticeGivenOn"] = "2026-01-05", ["noticeVersion"] = "CIP v1" },
            ["accounts"] = new JsonArray(new JsonObject
            {
                ["reference"] = "ACC-" + Guid.NewGuid().ToString("N")[..10],
                ["paymentMeans"] = new JsonObject { ["type"] = "card", ["issuerCountry"] = issuerCountry, ["identifier"] = "4000000000000002" },
                ["paymentSource"] = "customer",
            }),
        };
        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsJsonAsync("/api/v1/customers", body, Ct);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<Guid>();
        var submitted = await factory.InScopeAsync("officer@x", async sp =>
            await sp.GetRequiredService<CustomerService>().SubmitAsync(id, (await sp.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version, Ct));
        Assert.True(submitted.Ok, submitted.Message);
        return id;
    }

    private async Task ApprovedMeasureAsync(string country, int determinedDaysAgo)
    {
        var today = await factory.InScopeAsync("test", sp => Task.FromResult(sp.GetRequiredService<PortalTime>().Today));
        var input = new SpecialMeasureInput(MeasureTarget.Jurisdiction, MeasureAction.Prohibit, country, null, null, null,
            today.AddDays(-determinedDaysAgo), today.AddDays(180 - determinedDaysAgo), null, "91 FR 999 (test)", null);
        var recorded = await factory.InScopeAsync("officer@x", sp => sp.GetRequiredService<SpecialMeasureService>().RecordAsync(input, Ct));
        Assert.True(recorded.Ok, recorded.Message);
        var approved = await factory.InScopeAsync("approver@x", sp =>
            sp.GetRequiredService<SpecialMeasureService>().ApproveAsync(recorded.Id!.Value, recorded.Version!.Value, Ct));
        Assert.True(approved.Ok, approved.Message);
    }

    private async Task<JsonNode> GetAsync(Guid id) =>
        JsonNode.Parse(await factory.Client(ApiFactory.BootstrapKey).GetStringAsync($"/api/v1/customers/{id}", Ct))!;

    [Fact]
    public async Task An_effective_prohibition_makes_the_customer_prohibited_and_blocks_provisioning()
    {
        var id = await SubmittedUsPersonAsync("BY", "Jordan Ellis");
        Assert.Equal("allowed", (await GetAsync(id))["provisioning"]!.GetValue<string>());
        await ApprovedMeasureAsync("BY", determinedDaysAgo: 200);

        var customer = await GetAsync(id);

        Assert.Equal("prohibited", customer["riskLevel"]!.GetValue<string>());
        Assert.Equal("blocked", customer["provisioning"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pending_prohibition_changes_nothing_yet()
    {
        var id = await SubmittedUsPersonAsync("KZ", "Casey Morgan");
        var before = await GetAsync(id);
        await ApprovedMeasureAsync("KZ", determinedDaysAgo: 10);

        var after = await GetAsync(id);

        Assert.Equal(before["riskLevel"]!.GetValue<string>(), after["riskLevel"]!.GetValue<string>());
        Assert.NotEqual("prohibited", after["riskLevel"]!.GetValue<string>());
        Assert.Equal("allowed", after["provisioning"]!.GetValue<string>());
    }
}
