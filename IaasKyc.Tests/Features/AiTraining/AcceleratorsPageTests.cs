using Bunit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>The accelerator catalogue page an Admin edits.</summary>
public sealed class AcceleratorsPageTests : ComponentTestBase
{
    private AiTrainingService Service => Services.GetRequiredService<AiTrainingService>();

    [Fact]
    public async Task An_edit_refused_because_another_Admin_saved_first_shows_both_and_keep_mine_stores_the_input()
    {
        SignInAs("admin@example.test", Roles.Admin);
        await AiCases.CatalogueAsync(Services.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        var h100 = (await Service.AcceleratorsAsync()).Single(a => a.Name == "H100");
        var cut = RenderPage<AcceleratorsPage>();
        cut.WaitForElement("button[aria-label='Edit H100']").Click();
        cut.Find("#accelerator-peak").Change("990");
        cut.Find("#accelerator-source").Change("NVIDIA H100 data sheet, revision 2");
        await Services.AsAnotherUserAsync<AiTrainingService>("admin2@example.test", s =>
            s.SaveAcceleratorAsync(new AcceleratorInput("H100", "NVIDIA H100 SXM5, 80 GB", 989, "NVIDIA H100 Tensor Core GPU data sheet (2024)"), h100.Version));

        cut.Find("[data-testid=save-accelerator]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        Assert.Equal(("989", "990"), (cut.Cell("Peak dense BF16 (TFLOP/s)", "theirs"), cut.Cell("Peak dense BF16 (TFLOP/s)", "mine")));
        Assert.True(cut.Differs("Peak dense BF16 (TFLOP/s)"));
        Assert.Equal("NVIDIA H100 SXM5, 80 GB", cut.Cell("Description", "theirs"));
        Assert.True(cut.Differs("Source of the figure"));
        Assert.False(cut.Differs("Retired"));
        Assert.Contains("Saved by admin2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("NVIDIA H100 data sheet, revision 2", cut.Find("#accelerator-source").GetAttribute("value"));

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        var stored = (await Service.AcceleratorsAsync()).Single(a => a.Name == "H100");
        Assert.Equal((990e12, "NVIDIA H100 data sheet, revision 2", h100.Description), (stored.PeakOpsPerSecond, stored.Source, stored.Description));
    }
}
