using System.Reflection;
using IaasKyc.Portal.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace IaasKyc.Tests.Security;

/// <summary>
/// Holds every routable page against api.md's table of who reaches what: a new page without an entry here fails,
/// and so does a page whose policy drifts from the table.
/// </summary>
public sealed class PagePolicyTableTests
{
    private const string Anonymous = "anonymous";

    /// <summary>Route → the policy api.md gives it (or anonymous, for the sign-in and error pages).</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["/"] = Policies.SignedIn,
        ["/Account/Login"] = Anonymous,
        ["/Account/Lockout"] = Anonymous,
        ["/Account/AccessDenied"] = Anonymous,
        ["/Account/Manage/ChangePassword"] = Policies.SignedIn,
        ["/Error"] = Anonymous,
        ["/not-found"] = Anonymous,
        ["/audit"] = Policies.AuditRead,
        ["/deadlines"] = Policies.SignedIn,
        ["/notifications"] = Policies.SignedIn,
        ["/admin/users"] = Policies.AdminRead,
        ["/admin/users/new"] = Policies.AdminEdit,
        ["/admin/api-keys"] = Policies.AdminRead,
        ["/admin/api-keys/new"] = Policies.AdminEdit,
        ["/admin/rule-pack"] = Policies.AdminRead,
        ["/admin/rule-pack/new"] = Policies.AdminEdit,
        ["/admin/products"] = Policies.AdminRead,
        ["/admin/accelerators"] = Policies.AdminRead,
        ["/customers"] = Policies.CustomersRead,
        ["/customers/new"] = Policies.CustomersEdit,
        ["/customers/{Id:guid}"] = Policies.CustomersRead,
        ["/customers/{id:guid}/intake"] = Policies.CustomersEdit,
        ["/customers/{customerId:guid}/accounts/{accountId:guid}/access"] = Policies.CustomersRead,
        ["/review"] = Policies.CustomersDecide,
        ["/cip"] = Policies.CustomersRead,
        ["/lists"] = Policies.ListsRead,
        ["/screening"] = Policies.ScreeningRead,
        ["/screening/hits/{Id:guid}"] = Policies.ScreeningRead,
        ["/special-measures"] = Policies.SpecialMeasuresRead,
        ["/special-measures/new"] = Policies.SpecialMeasuresEdit,
        ["/special-measures/{Id:guid}"] = Policies.SpecialMeasuresRead,
        ["/resellers"] = Policies.ResellersRead,
        ["/resellers/new"] = Policies.ResellersEdit,
        ["/resellers/{Id:guid}"] = Policies.ResellersRead,
        ["/resellers/templates"] = Policies.ResellersRead,
        ["/attest/{Token}"] = Anonymous,
        ["/resellers/cip-requests"] = Policies.ResellersRead,
        ["/ai-training/estimate"] = Policies.AiRead,
        ["/ai-training"] = Policies.AiRead,
        ["/ai-training/cases/{Id:guid}"] = Policies.AiRead,
    };

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(Policies).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)))
        {
            foreach (var route in type.GetCustomAttributes<RouteAttribute>())
                data.Add(route.Template, type.FullName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_declares_the_policy_the_table_gives_it(string route, string component)
    {
        var type = typeof(Policies).Assembly.GetType(component)!;
        var authorize = type.GetCustomAttributes<AuthorizeAttribute>().ToList();
        var anonymous = type.GetCustomAttribute<AllowAnonymousAttribute>() is not null;

        var expected = Assert.Contains(route, (IDictionary<string, string>)Expected.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase));

        if (expected == Anonymous)
        {
            Assert.True(anonymous, $"{route} should be anonymous");
            Assert.Empty(authorize);
        }
        else
        {
            Assert.False(anonymous, $"{route} must not allow anonymous access");
            Assert.Equal(expected, Assert.Single(authorize).Policy);
            Assert.True(Policies.Table.ContainsKey(expected));
        }
    }

    [Fact]
    public void Every_entry_of_the_table_is_a_real_page()
    {
        var routes = Pages().Select(row => row.Data.Item1).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(Expected.Keys, r => Assert.Contains(r, routes));
    }

    [Fact]
    public void Policy_roles_follow_api_md()
    {
        Assert.Equal([Roles.Officer, Roles.Approver], Policies.Table[Policies.CustomersEdit]);
        Assert.Equal([Roles.Approver], Policies.Table[Policies.CustomersDecide]);
        Assert.Equal([Roles.Auditor], Policies.Table[Policies.AuditExport]);
        Assert.Equal([Roles.Auditor, Roles.Admin], Policies.Table[Policies.AdminRead]);
        Assert.Equal([Roles.Admin], Policies.Table[Policies.AdminEdit]);
        Assert.Equal([Roles.Admin], Policies.Table[Policies.ListsImport]);
        Assert.Equal([Roles.Officer, Roles.Approver, Roles.Auditor, Roles.Admin], Policies.Table[Policies.SpecialMeasuresRead]);
        Assert.Equal([Roles.Officer, Roles.Approver], Policies.Table[Policies.SpecialMeasuresEdit]);
        Assert.Equal([Roles.Approver], Policies.Table[Policies.SpecialMeasuresDecide]);
        Assert.DoesNotContain(Roles.Auditor, Policies.Table.Where(p => p.Key.EndsWith(":edit", StringComparison.Ordinal) || p.Key.EndsWith(":decide", StringComparison.Ordinal)).SelectMany(p => p.Value));
    }
}
