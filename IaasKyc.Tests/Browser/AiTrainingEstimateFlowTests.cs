using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>An Officer estimates a run from the navigation; screenshots go to artifacts/screenshots/ for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AiTrainingEstimateFlowTests(PortalServer portal)
{
    [Fact]
    public async Task An_Officer_sees_the_demo_cases_counting_down_then_estimates_an_accelerator_run_with_the_cluster_threshold()
    {
        var folder = Directory.CreateDirectory(Path.Combine(portal.RepoRoot, "artifacts", "screenshots")).FullName;
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "AI training" }).ClickAsync();
        // The demo seed's cases, one per countdown state.
        await Expect(page.GetByTestId("countdown").Filter(new() { HasText = "Overdue" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("countdown").Filter(new() { HasText = "Due soon" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ai-training-cases.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Compute estimator" }).ClickAsync();
        await page.GetByText("Accelerators and time").ClickAsync();
        await page.GetByLabel("Number of accelerators", new() { Exact = true }).FillAsync("110000");
        await page.GetByLabel("Duration (hours)", new() { Exact = true }).FillAsync("200");
        await page.GetByLabel("Networking (Gbit/s)", new() { Exact = true }).FillAsync("400");
        await page.GetByLabel("Networking (Gbit/s)", new() { Exact = true }).BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Estimate" }).ClickAsync();

        await Expect(page.GetByTestId("estimated-operations")).ToContainTextAsync("3.13 × 10^25 operations");
        await Expect(page.GetByTestId("thresholds-met")).ToContainTextAsync("Computing cluster");
        await Expect(page.GetByTestId("arithmetic")).ToContainTextAsync("110,000 × 9.89 × 10^14 operations/s (H100) = 1.09 × 10^20 operations per second");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ai-training-estimate.png"), FullPage = true });
    }
}
