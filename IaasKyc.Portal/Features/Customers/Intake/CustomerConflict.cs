using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Components.Shared;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Features.Customers.Intake;

/// <summary>
/// A customer save refused because someone else saved the customer first: the customer as stored now (its version is what
/// "Keep my changes" saves over) compared with this user's input, and who saved it when.
/// </summary>
public static class CustomerConflict
{
    /// <summary>Null when the customer no longer exists.</summary>
    public static async Task<(CustomerDetail Stored, EditConflict Conflict)?> LoadAsync(CustomerQueries queries, AuditService audit, Guid id,
        Func<CustomerDetail, IReadOnlyList<ConflictField>> compare)
    {
        if (await queries.GetAsync(id) is not { } stored) return null;
        var last = await audit.LastChangeAsync("Customer", id.ToString());
        return (stored, new EditConflict(compare(stored), last?.By, last?.AtUtc));
    }

    /// <summary>
    /// For a form used in the intake wizard (which reloads its draft, whose version "Keep my changes" then saves over) or on its own
    /// (the owner's evidence): then the stored version is returned for the form to keep.
    /// </summary>
    public static async Task<(EditConflict? Conflict, Guid? Version)> ForFormAsync(IntakePage? wizard, CustomerQueries queries, AuditService audit, Guid id,
        Func<CustomerDetail, IReadOnlyList<ConflictField>> compare)
    {
        if (wizard is not null) return (await wizard.ConflictAsync(compare), null);
        var found = await LoadAsync(queries, audit, id, compare);
        return (found?.Conflict, found?.Stored.Version);
    }

    /// <summary>
    /// A form that adds one row to a list (an account, a piece of evidence): theirs is the list as stored now, mine the same list
    /// with this user's row added, which is what "Keep my changes" stores.
    /// </summary>
    public static IReadOnlyList<ConflictField> Added(IReadOnlyList<(string Label, string Line)> stored, (string Label, string Line) added) =>
        ConflictRows.Between(stored, [.. stored, added]);

    public static IReadOnlyList<(string Label, string Line)> Accounts(CustomerDetail c, Func<string?, string> productName) =>
        [.. c.Accounts.Select(a => ($"Account {a.Reference}", Labels.Account(a.PaymentMeans, a.Prepaid, a.PaymentIdentifierMasked, a.IssuerCountry,
            a.PaymentSource, a.PaymentSourceName, a.Products, productName)))];

    /// <summary>The evidence about the customer itself (<paramref name="ownerKey"/> null) or one beneficial owner, numbered by kind.</summary>
    public static IReadOnlyList<(string Label, string Line)> Evidence(CustomerDetail c, string? ownerKey)
    {
        int documents = 0, checks = 0;
        return [.. c.Evidence.Where(e => e.OwnerKey == ownerKey).Select(e => e.Kind == EvidenceKind.Documentary
            ? ($"Document {++documents}", EvidenceLine(e.Description, e.FileName))
            : ($"Check {++checks}", EvidenceLine(e.Description, e.FileName)))];
    }

    /// <summary>A piece of evidence as the lists show it; a document number only ever masked.</summary>
    public static string EvidenceLine(string description, string? fileName) => fileName is null ? description : $"{description} · file {fileName}";

    /// <summary>The line of a document this user is adding, as it will be stored (<see cref="Domain.Customers.Evidence.Describe"/>).</summary>
    public static string NewDocumentLine(string? type, string? number, string? country, DateOnly? expires, string? fileName) =>
        EvidenceLine(Domain.Customers.Evidence.Documentary(Guid.Empty, type?.Trim() ?? "", "", FieldCipher.Mask(number?.Trim()), country ?? "", expires,
            null, null, "", default).Describe(), fileName);

    public static string NewCheckLine(string? source, DateOnly? checkedOn, string? result) =>
        EvidenceLine(Domain.Customers.Evidence.NonDocumentary(Guid.Empty, source?.Trim() ?? "", checkedOn ?? default, result?.Trim() ?? "", "", default).Describe(), null);
}
