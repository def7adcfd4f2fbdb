using Microsoft.AspNetCore.Authorization;

namespace IaasKyc.Portal.Security;

public static class Roles
{
    public const string Officer = "Officer";
    public const string Approver = "Approver";
    public const string Auditor = "Auditor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Officer, Approver, Auditor, Admin];

    public static string Describe(string role) => role switch
    {
        Officer => "Takes in customers, captures owners, reviews hits, drafts reports and submits them for approval",
        Approver => "Approves or rejects what others submitted; signs certifications",
        Auditor => "Reads everything and exports PDF and CSV; changes nothing",
        Admin => "Manages users, API keys, the rule pack, catalogues and list imports",
        _ => role,
    };
}

/// <summary>
/// The one table of who reaches what (api.md, "Who reaches what"). Every page and endpoint names one of these
/// policies; a test holds this table, and each page's policy, against the running app.
/// </summary>
public static class Policies
{
    public const string SignedIn = "signed-in";

    public const string CustomersRead = "customers:read";
    public const string CustomersEdit = "customers:edit";
    public const string CustomersDecide = "customers:decide";
    public const string ScreeningRead = "screening:read";
    public const string ScreeningPropose = "screening:propose";
    public const string ScreeningDecide = "screening:decide";
    public const string ListsRead = "lists:read";
    public const string ListsImport = "lists:import";
    public const string SpecialMeasuresRead = "special-measures:read";
    public const string SpecialMeasuresEdit = "special-measures:edit";
    public const string SpecialMeasuresDecide = "special-measures:decide";
    public const string ResellersRead = "resellers:read";
    public const string ResellersEdit = "resellers:edit";
    public const string ResellersDecide = "resellers:decide";
    public const string AiRead = "ai-training:read";
    public const string AiEdit = "ai-training:edit";
    public const string AiDecide = "ai-training:decide";
    public const string CertificationsRead = "certifications:read";
    public const string CertificationsDraft = "certifications:draft";
    public const string CertificationsSign = "certifications:sign";
    public const string CertificationsExport = "certifications:export";
    public const string RetentionPurge = "retention:purge";
    public const string RetentionRead = "retention:read";
    public const string RetentionHold = "retention:hold";
    public const string AuditRead = "audit:read";
    public const string AuditExport = "audit:export";
    public const string AdminRead = "admin:read";
    public const string AdminEdit = "admin:edit";

    private const string O = Roles.Officer, P = Roles.Approver, U = Roles.Auditor, A = Roles.Admin;

    /// <summary>Policy → roles allowed. "decide" includes "edit" (api.md); approving one's own submission is refused by the services.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Table = new Dictionary<string, string[]>
    {
        [SignedIn] = [O, P, U, A],
        [CustomersRead] = [O, P, U, A],
        [CustomersEdit] = [O, P],
        [CustomersDecide] = [P],
        [ScreeningRead] = [O, P, U, A],
        [ScreeningPropose] = [O, P],
        [ScreeningDecide] = [P],
        [ListsRead] = [O, P, U, A],
        [ListsImport] = [A],
        [SpecialMeasuresRead] = [O, P, U, A],
        [SpecialMeasuresEdit] = [O, P],
        [SpecialMeasuresDecide] = [P],
        [ResellersRead] = [O, P, U, A],
        [ResellersEdit] = [O, P],
        [ResellersDecide] = [P],
        [AiRead] = [O, P, U, A],
        [AiEdit] = [O, P],
        [AiDecide] = [P],
        [CertificationsRead] = [O, P, U, A],
        [CertificationsDraft] = [O, P],
        [CertificationsSign] = [P],
        [CertificationsExport] = [U],
        [RetentionPurge] = [A],
        [RetentionRead] = [O, P, U, A],
        // A hold only stops destruction: an Approver (who signs for the programme) or the Admin (who purges) places and releases it.
        [RetentionHold] = [P, A],
        [AuditRead] = [O, P, U, A],
        [AuditExport] = [U],
        [AdminRead] = [U, A],
        [AdminEdit] = [A],
    };

    public const string ScopeClaim = "scope";
    public static string ApiScope(string scope) => "api:" + scope;

    public static void Register(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in Table)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        foreach (var scope in Features.ApiKeys.ApiScopes.All)
        {
            options.AddPolicy(ApiScope(scope), p => p
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ScopeClaim, scope));
        }
    }
}
