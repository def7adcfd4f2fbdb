using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Security;

namespace IaasKyc.Tests.Security;

/// <summary>
/// The one declared table of who reaches what (api.md, "Who reaches what"), held against the running app by
/// <see cref="AuthorizationMatrixTests"/>. A page is keyed by its route template; any other endpoint by
/// "METHOD route". The value is <see cref="Anonymous"/>, a page policy from <see cref="Policies"/>, or an API
/// scope (<see cref="Api"/>). A new page or endpoint needs one line here.
/// </summary>
public static class AuthorizationMatrix
{
    public const string Anonymous = "anonymous";

    public static string Api(string scope) => Policies.ApiScope(scope);

    public static readonly IReadOnlyDictionary<string, string> Table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Anyone.
        ["ANY /health"] = Anonymous,
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["/Account/Login"] = Anonymous,
        ["/Account/Lockout"] = Anonymous,
        ["/Account/AccessDenied"] = Anonymous,
        ["POST /Account/Logout"] = Anonymous,
        ["/Error"] = Anonymous,
        ["/not-found"] = Anonymous,
        ["/attest/{Token}"] = Anonymous,

        // Pages and downloads, signed in, by role.
        ["/"] = Policies.SignedIn,
        ["/Account/Manage/ChangePassword"] = Policies.SignedIn,
        ["/audit"] = Policies.AuditRead,
        ["GET /audit/extract.pdf"] = Policies.AuditExport,
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
        ["/customers/{Id:guid}/intake"] = Policies.CustomersEdit,
        ["/customers/{CustomerId:guid}/accounts/{AccountId:guid}/access"] = Policies.CustomersRead,
        ["GET /customers/{customerId:guid}/evidence/{evidenceId:guid}/file"] = Policies.CustomersRead,
        ["/review"] = Policies.CustomersDecide,
        ["/cip"] = Policies.CustomersRead,
        ["/lists"] = Policies.ListsRead,
        ["/screening"] = Policies.ScreeningRead,
        ["/screening/hits/{Id:guid}"] = Policies.ScreeningRead,
        ["GET /screening/runs/{runId:guid}/certificate.pdf"] = Policies.ScreeningRead,
        ["/special-measures"] = Policies.SpecialMeasuresRead,
        ["/special-measures/new"] = Policies.SpecialMeasuresEdit,
        ["/special-measures/{Id:guid}"] = Policies.SpecialMeasuresRead,
        ["/resellers"] = Policies.ResellersRead,
        ["/resellers/new"] = Policies.ResellersEdit,
        ["/resellers/{Id:guid}"] = Policies.ResellersRead,
        ["/resellers/templates"] = Policies.ResellersRead,
        ["/resellers/cip-requests"] = Policies.ResellersRead,
        ["GET /resellers/{resellerId:guid}/cip/{fileId:guid}/file"] = Policies.ResellersRead,
        ["GET /resellers/{resellerId:guid}/attestations/{attestationId:guid}/certificate.pdf"] = Policies.ResellersRead,
        ["GET /resellers/cip-requests/{requestId:guid}/documents/{documentId:guid}/file"] = Policies.ResellersRead,
        ["/ai-training"] = Policies.AiRead,
        ["/ai-training/estimate"] = Policies.AiRead,
        ["/ai-training/cases/{Id:guid}"] = Policies.AiRead,
        ["GET /ai-training/cases/{caseId:guid}/versions/{number:int}/report.pdf"] = Policies.AiRead,
        ["/certifications"] = Policies.CertificationsRead,
        ["/certifications/{Id:guid}"] = Policies.CertificationsRead,
        ["GET /certifications/{id:guid}/report.pdf"] = Policies.CertificationsExport,
        ["/adp"] = Policies.CertificationsRead,
        ["/adp/{Id:guid}"] = Policies.CertificationsRead,
        ["GET /adp/{id:guid}/report.pdf"] = Policies.CertificationsExport,
        ["GET /adp/{id:guid}/evidence/{evidenceId:guid}/file"] = Policies.CertificationsRead,
        ["GET /customers/{customerId:guid}/dossier.pdf"] = Policies.CustomersRead,
        ["/auditor"] = Policies.AuditExport,
        ["GET /exports/{name}.csv"] = Policies.AuditExport,
        ["/retention"] = Policies.RetentionRead,
        ["/deadlines"] = Policies.SignedIn,
        ["/notifications"] = Policies.SignedIn,

        // The integration API, by key scope.
        ["POST /api/v1/customers"] = Api(ApiScopes.Customers),
        ["GET /api/v1/customers/{id}"] = Api(ApiScopes.Customers),
        ["PUT /api/v1/customers/{id}/ownership"] = Api(ApiScopes.Customers),
        ["GET /api/v1/customers/{id}/ownership"] = Api(ApiScopes.Customers),
        ["POST /api/v1/accounts/{reference}/access-events"] = Api(ApiScopes.Customers),
        ["POST /api/v1/lists/ofac-sdn"] = Api(ApiScopes.Lists),
        ["POST /api/v1/lists/bis-dpl"] = Api(ApiScopes.Lists),
        ["POST /api/v1/lists/csl"] = Api(ApiScopes.Lists),
        ["GET /api/v1/lists"] = Api(ApiScopes.Lists),
        ["GET /api/v1/screening/search"] = Api(ApiScopes.Screening),
        ["GET /api/v1/ai-training/estimate"] = Api(ApiScopes.Signals),
        ["POST /api/v1/usage-signals"] = Api(ApiScopes.Signals),
        ["GET /api/v1/audit/verify"] = Api(ApiScopes.Audit),
    };

    /// <summary>
    /// api.md's role table, row for row (Officer | Approver | Auditor | Admin), with the policy prefix each row governs.
    /// A cell's word allows that action and what it includes (<see cref="Includes"/>); every non-empty cell allows reading.
    /// </summary>
    public static readonly (string Area, string[] Prefixes, string Officer, string Approver, string Auditor, string Admin)[] ApiMdRoles =
    [
        ("Home / dashboard", ["signed-in"], "●", "●", "●", "●"),
        ("Customers, owners, evidence, IP records", ["customers"], "edit", "decide", "read", "read"),
        ("Screening hits", ["screening"], "propose", "decide", "read", "read"),
        ("Lists and re-screening", ["lists"], "read", "read", "read", "import"),
        ("Special measures", ["special-measures"], "edit", "decide", "read", "read"),
        ("Resellers and attestations", ["resellers"], "edit", "decide", "read", "read"),
        ("AI-training cases and reports", ["ai-training"], "edit", "decide", "read", "read"),
        ("Certifications, ADP, retention", ["certifications", "retention"], "draft", "sign", "read, export", "purge"),
        ("Audit trail", ["audit"], "read", "read", "read, export", "read"),
        ("Users, API keys, rule pack, product and accelerator catalogues", ["admin"], "—", "—", "read", "edit"),
    ];

    /// <summary>
    /// "decide" includes what "edit" allows (api.md); "decide" also decides proposals; "sign" includes "draft". A legal hold
    /// (which only stops destruction) belongs to those who sign for the programme and to the one who purges.
    /// </summary>
    private static readonly Dictionary<string, string[]> Includes = new()
    {
        ["decide"] = ["decide", "edit", "propose"],
        ["sign"] = ["sign", "draft", "hold"],
        ["purge"] = ["purge", "hold"],
    };

    /// <summary>The roles api.md's table gives a policy such as <c>customers:edit</c>.</summary>
    public static IReadOnlyList<string> RolesFromApiMd(string policy)
    {
        var (prefix, action) = policy.Split(':') is [var p, var a] ? (p, a) : (policy, "read");
        var row = ApiMdRoles.Single(r => r.Prefixes.Contains(prefix));
        var cells = new[] { (Roles.Officer, row.Officer), (Roles.Approver, row.Approver), (Roles.Auditor, row.Auditor), (Roles.Admin, row.Admin) };
        return [.. cells.Where(c => Allows(c.Item2, action)).Select(c => c.Item1)];
    }

    private static bool Allows(string cell, string action)
    {
        if (cell == "—") return false;
        if (action == "read") return true;
        var words = cell.Split(',', StringSplitOptions.TrimEntries);
        return words.SelectMany(w => Includes.GetValueOrDefault(w, [w])).Contains(action);
    }
}
