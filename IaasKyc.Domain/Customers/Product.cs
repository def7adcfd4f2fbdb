namespace IaasKyc.Domain.Customers;

/// <summary>
/// An IaaS product of the provider's catalogue. In-scope products are those of the rule's IaaS definition;
/// products built on export-controlled advanced computing items (ECCN 3A090/4A090 class accelerators) weigh in
/// risk and in AI-training detection.
/// </summary>
public sealed class Product : IVersioned
{
    private Product() { }

    public Product(string code, string name, string? description, bool inScope, bool advancedCompute, string? eccn) =>
        (Code, Name, Description, InScope, AdvancedCompute, Eccn) = (code, name, description, inScope, advancedCompute, eccn);

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public bool InScope { get; private set; }
    public bool AdvancedCompute { get; private set; }
    public string? Eccn { get; private set; }
    public bool Retired { get; private set; }
    public Guid Version { get; set; }

    public void Update(string name, string? description, bool inScope, bool advancedCompute, string? eccn, bool retired) =>
        (Name, Description, InScope, AdvancedCompute, Eccn, Retired) = (name, description, inScope, advancedCompute, eccn, retired);
}

/// <summary>
/// A published version of the provider's written Customer Identification Program (proposed § 7.301): it says in advance
/// how identities are verified, what restricted use is allowed while verification is pending, when accounts are refused
/// or closed, the notice customers receive, and who the CIP contact is. Published versions are never edited.
/// </summary>
public sealed class CipDocument
{
    private CipDocument() { }

    public CipDocument(Guid id, int number, string verificationProcedures, string restrictedUse, string refusalAndClosure,
        string unverifiedCustomers, string customerNotice, string abuseDetectionResources, string contactName, string contactTitle,
        string contactEmail, string contactPhone, string publishedBy, DateTime publishedAtUtc)
    {
        (Id, Number, VerificationProcedures, RestrictedUse, RefusalAndClosure, UnverifiedCustomers, CustomerNotice, AbuseDetectionResources) =
            (id, number, verificationProcedures, restrictedUse, refusalAndClosure, unverifiedCustomers, customerNotice, abuseDetectionResources);
        (ContactName, ContactTitle, ContactEmail, ContactPhone, PublishedBy, PublishedAtUtc) =
            (contactName, contactTitle, contactEmail, contactPhone, publishedBy, publishedAtUtc);
    }

    public Guid Id { get; private set; }
    public int Number { get; private set; }
    public string VersionLabel => $"CIP v{Number}";
    public string VerificationProcedures { get; private set; } = "";
    public string RestrictedUse { get; private set; } = "";
    public string RefusalAndClosure { get; private set; } = "";
    public string UnverifiedCustomers { get; private set; } = "";
    public string CustomerNotice { get; private set; } = "";
    public string AbuseDetectionResources { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactTitle { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string PublishedBy { get; private set; } = "";
    public DateTime PublishedAtUtc { get; private set; }
}
