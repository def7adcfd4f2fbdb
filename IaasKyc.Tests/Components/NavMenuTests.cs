using Bunit;
using IaasKyc.Portal.Components.Layout;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Components;

public sealed class NavMenuTests : ComponentTestBase
{
    [Theory]
    [InlineData(Roles.Officer, "Home|Deadlines|Customers|Screening hits|Screening lists|Written CIP|Special measures|Foreign resellers|AI training|Certifications|Retention|Audit trail|Change password")]
    [InlineData(Roles.Approver, "Home|Deadlines|Customers|Review queue|Screening hits|Screening lists|Written CIP|Special measures|Foreign resellers|AI training|Certifications|Retention|Audit trail|Change password")]
    [InlineData(Roles.Auditor, "Home|Deadlines|Customers|Screening hits|Screening lists|Written CIP|Special measures|Foreign resellers|AI training|Certifications|Retention|Audit trail|Auditor workspace|Users|API keys|Rule pack|Products|Accelerators|Change password")]
    [InlineData(Roles.Admin, "Home|Deadlines|Customers|Screening hits|Screening lists|Written CIP|Special measures|Foreign resellers|AI training|Certifications|Retention|Audit trail|Users|API keys|Rule pack|Products|Accelerators|Change password")]
    public void Each_role_sees_exactly_the_areas_its_policies_allow(string role, string expected)
    {
        SignInAs($"{role.ToLowerInvariant()}@example.test", role);

        var cut = Render<NavMenu>();

        cut.WaitForAssertion(() =>
            Assert.Equal(expected.Split('|'), cut.FindAll("a").Select(a => a.TextContent.Trim()).ToArray()));
    }

    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/customers", "Customers")]
    [InlineData("/customers/3f2504e0-4f89-11d3-9a0c-0305e82c3301?tab=owners", "Customers")]
    [InlineData("/admin/rule-pack", "Rule pack")]
    [InlineData("/screening-other", null)]
    public void The_current_area_is_marked_for_sight_and_for_screen_readers(string path, string? current)
    {
        SignInAs("admin@example.test", Roles.Admin, Roles.Officer);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<NavMenu>();

        navigation.NavigateTo(path);

        cut.WaitForAssertion(() => Assert.Equal(current is null ? [] : [current],
            cut.FindAll("a[aria-current=page]").Select(a => a.TextContent.Trim()).ToArray()));
        Assert.Equal(cut.FindAll("a[aria-current=page]").Count, cut.FindAll("a.active").Count);
    }

    [Fact]
    public void The_administration_group_folds_and_unfolds()
    {
        SignInAs("admin@example.test", Roles.Admin);
        var cut = Render<NavMenu>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("a[href='/admin/users']")));

        cut.Find("button[aria-label='Toggle Administration']").Click();

        Assert.Empty(cut.FindAll("a[href='/admin/users']"));
        Assert.Equal("false", cut.Find("button[aria-label='Toggle Administration']").GetAttribute("aria-expanded"));
        cut.Find("button[aria-label='Toggle Administration']").Click();
        Assert.NotEmpty(cut.FindAll("a[href='/admin/users']"));
    }

    [Fact]
    public void Every_navigation_entry_names_a_policy_of_the_table()
    {
        var policies = NavMenu.Items.Concat(NavMenu.AdminItems).Select(i => i.Policy);

        Assert.All(policies, p => Assert.True(Policies.Table.ContainsKey(p), $"{p} is not in the policy table"));
    }
}
