using Bunit;
using IaasKyc.Portal.Components.Layout;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;

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

    [Fact]
    public void Every_navigation_entry_names_a_policy_of_the_table()
    {
        var policies = NavMenu.Items.Concat(NavMenu.AdminItems).Select(i => i.Policy);

        Assert.All(policies, p => Assert.True(Policies.Table.ContainsKey(p), $"{p} is not in the policy table"));
    }
}
