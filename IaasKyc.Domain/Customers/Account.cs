namespace IaasKyc.Domain.Customers;

/// <summary>
/// An account: the contractual relationship under which IaaS is provided. Proposed § 7.302 asks for the
/// means and source of payment of each account; the identifier is kept encrypted and shown masked.
/// </summary>
public sealed class Account
{
    private Account() { }

    public Account(Guid id, Guid customerId, string reference, PaymentMeansType means, bool prepaid, string issuerCountry,
        string identifierEncrypted, string identifierMasked, PaymentSource source, string? sourceName, DateTime openedAtUtc)
    {
        (Id, CustomerId, Reference, PaymentMeans, Prepaid, IssuerCountry) = (id, customerId, reference, means, prepaid, issuerCountry);
        (PaymentIdentifierEncrypted, PaymentIdentifierMasked, PaymentSource, PaymentSourceName, OpenedAtUtc) =
            (identifierEncrypted, identifierMasked, source, sourceName, openedAtUtc);
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    /// <summary>The provider's own account reference, unique across customers.</summary>
    public string Reference { get; private set; } = "";
    public PaymentMeansType PaymentMeans { get; private set; }
    public bool Prepaid { get; private set; }
    public string IssuerCountry { get; private set; } = "";
    public string PaymentIdentifierEncrypted { get; private set; } = "";
    public string PaymentIdentifierMasked { get; private set; } = "";
    public PaymentSource PaymentSource { get; private set; }
    public string? PaymentSourceName { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>Product codes of the in-scope IaaS products used on this account.</summary>
    public List<string> ProductCodes { get; private set; } = [];

    public void SetProducts(IEnumerable<string> codes) => ProductCodes = [.. codes.Distinct().Order()];

    public void Close(DateTime nowUtc) => ClosedAtUtc ??= nowUtc;
}

/// <summary>
/// Verification evidence (proposed § 7.302): documentary or non-documentary, about the customer or, with <see cref="OwnerKey"/>,
/// about one of its beneficial owners (the owner's node key): an owner's verification is part of the customer's.
/// </summary>
public sealed class Evidence
{
    private Evidence() { }

    public static Evidence Documentary(Guid customerId, string documentType, string numberEncrypted, string numberMasked, string issuingCountry,
        DateOnly? expires, string? uploadId, string? fileName, string by, DateTime nowUtc, string? ownerKey = null) => new()
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            OwnerKey = ownerKey,
            Kind = EvidenceKind.Documentary,
            DocumentType = documentType,
            DocumentNumberEncrypted = numberEncrypted,
            DocumentNumberMasked = numberMasked,
            IssuingCountry = issuingCountry,
            Expires = expires,
            UploadId = uploadId,
            FileName = fileName,
            RecordedBy = by,
            RecordedAtUtc = nowUtc,
        };

    public static Evidence NonDocumentary(Guid customerId, string source, DateOnly checkedOn, string result, string by, DateTime nowUtc,
        string? ownerKey = null) => new()
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            OwnerKey = ownerKey,
            Kind = EvidenceKind.NonDocumentary,
            Source = source,
            CheckedOn = checkedOn,
            Result = result,
            RecordedBy = by,
            RecordedAtUtc = nowUtc,
        };

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    /// <summary>The beneficial owner this evidence verifies (node key of the ownership structure); null: the customer itself.</summary>
    public string? OwnerKey { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string? DocumentType { get; private set; }
    public string? DocumentNumberEncrypted { get; private set; }
    public string? DocumentNumberMasked { get; private set; }
    public string? IssuingCountry { get; private set; }
    public DateOnly? Expires { get; private set; }
    public string? UploadId { get; private set; }
    public string? FileName { get; private set; }
    public string? Source { get; private set; }
    public DateOnly? CheckedOn { get; private set; }
    public string? Result { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    public string Describe() => Kind == EvidenceKind.Documentary
        ? $"{DocumentType} {DocumentNumberMasked} ({Countries.NameOf(IssuingCountry)}{(Expires is { } e ? $", expires {e:yyyy-MM-dd}" : "")})"
        : $"{Source}, {CheckedOn:yyyy-MM-dd}: {Result}";
}

/// <summary>A discrepancy found during verification and how it was resolved.</summary>
public sealed class Discrepancy
{
    private Discrepancy() { }

    public Discrepancy(Guid id, Guid customerId, string description, string by, DateTime nowUtc) =>
        (Id, CustomerId, Description, RaisedBy, RaisedAtUtc) = (id, customerId, description, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Description { get; private set; } = "";
    public string RaisedBy { get; private set; } = "";
    public DateTime RaisedAtUtc { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }

    public void Resolve(string resolution, string by, DateTime nowUtc) => (Resolution, ResolvedBy, ResolvedAtUtc) = (resolution, by, nowUtc);
}

/// <summary>One IP access record (proposed § 7.302: IP addresses used to access or administer the account, with date and time).</summary>
public sealed class AccessEvent
{
    private AccessEvent() { }

    public AccessEvent(Guid accountId, string ip, byte[] ipBytes, DateTime atUtc, AccessKind kind) =>
        (AccountId, Ip, IpBytes, AtUtc, Kind) = (accountId, ip, ipBytes, atUtc, kind);

    public long Id { get; private set; }
    public Guid AccountId { get; private set; }
    /// <summary>Canonical text form.</summary>
    public string Ip { get; private set; } = "";
    /// <summary>16 bytes (IPv4 mapped to IPv6), so that a CIDR block is a byte range.</summary>
    public byte[] IpBytes { get; private set; } = [];
    public DateTime AtUtc { get; private set; }
    public AccessKind Kind { get; private set; }
}
