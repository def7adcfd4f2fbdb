using Bunit;
using IaasKyc.Portal.Features.Products;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Products;

/// <summary>The product catalogue page an Admin edits.</summary>
public sealed class ProductsPageTests : ComponentTestBase
{
    private ProductService Service => Services.GetRequiredService<ProductService>();

    [Fact]
    public async Task An_edit_refused_because_another_Admin_saved_first_shows_both_and_take_theirs_fills_the_form_for_the_next_save()
    {
        SignInAs("admin@example.test", Roles.Admin);
        var created = await Service.SaveAsync(new ProductInput("GPU-H100", "H100 cluster", null, true, true, "4A090"), null);
        Assert.True(created.Ok, created.Message);
        var version = (await Service.ListAsync()).Single().Version;
        var cut = RenderPage<ProductsPage>();
        cut.WaitForElement("button[aria-label='Edit GPU-H100']").Click();
        cut.Find("#product-name").Change("H100 training cluster");
        await Services.AsAnotherUserAsync<ProductService>("admin2@example.test", s =>
            s.SaveAsync(new ProductInput("GPU-H100", "H100 SXM cluster", "8 × H100 per node", true, true, "4A090.a"), version));

        cut.Find("[data-testid=save-product]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        Assert.Equal(("H100 SXM cluster", "H100 training cluster"), (cut.Cell("Name", "theirs"), cut.Cell("Name", "mine")));
        Assert.True(cut.Differs("Name"));
        Assert.Equal(("4A090.a", "4A090"), (cut.Cell("ECCN", "theirs"), cut.Cell("ECCN", "mine")));
        Assert.True(cut.Differs("ECCN"));
        Assert.False(cut.Differs("Advanced compute (GPU)"));
        Assert.Contains("Saved by admin2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("H100 training cluster", cut.Find("#product-name").GetAttribute("value"));

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Equal("H100 SXM cluster", cut.Find("#product-name").GetAttribute("value")));
        Assert.Equal("4A090.a", cut.Find("#product-eccn").GetAttribute("value"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        cut.Find("#product-description").Change("8 × H100 SXM per node");
        cut.Find("[data-testid=save-product]").Click();
        await cut.WaitForAssertionAsync(async () => Assert.Equal("8 × H100 SXM per node", (await Service.ListAsync()).Single().Description));
        Assert.Equal(("H100 SXM cluster", "4A090.a"), ((await Service.ListAsync()).Single().Name, (await Service.ListAsync()).Single().Eccn));
    }
}
