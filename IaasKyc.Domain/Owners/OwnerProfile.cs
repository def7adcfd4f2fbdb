namespace IaasKyc.Domain.Owners;

/// <summary>
/// What the provider knows of one beneficial owner (proposed § 7.302: the customer treatment for each beneficial owner),
/// keyed by the customer and the owner's node key, so it survives a replaced structure that keeps the key. The name is the
/// node's. The identity document number is kept encrypted (masked on screen); verification evidence is the customer's
/// <see cref="Customers.Evidence"/> pointing at this owner's key.
/// </summary>
public sealed class OwnerProfile : IVersioned
{
    private OwnerProfile() { }

    public OwnerProfile(Guid customerId, string nodeKey) => (CustomerId, NodeKey) = (customerId, nodeKey);

    public Guid CustomerId { get; private set; }
    public string NodeKey { get; private set; } = "";
    public DateOnly? DateOfBirth { get; private set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Nationality { get; private set; }
    public string? AddressLine1 { get; private set; }
    public string? AddressLine2 { get; private set; }
    public string? City { get; private set; }
    public string? Region { get; private set; }
    public string? PostalCode { get; private set; }
    public string? Country { get; private set; }
    public string? Email { get; private set; }
    /// <summary>E.164.</summary>
    public string? Phone { get; private set; }
    public string? DocumentType { get; private set; }
    public string? DocumentNumberEncrypted { get; private set; }
    public string? DocumentNumberMasked { get; private set; }
    public string? DocumentCountry { get; private set; }
    /// <summary>The U.S./foreign determination: null until made.</summary>
    public bool? UsPerson { get; private set; }
    public string? DeterminationBasis { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public bool Verified => VerifiedAtUtc is not null;

    /// <summary>
    /// Sets the profile; returns whether anything changed. A change to what a verification rests on (identity, address, document,
    /// determination) clears the owner's verification: the Officer checks the evidence again.
    /// </summary>
    /// <param name="numberChanged">Whether the document number differs from the stored one (the caller compares the plain values).</param>
    public bool Set(ParsedOwnerProfile p, string? documentNumberEncrypted, string? documentNumberMasked, bool numberChanged, string by, DateTime nowUtc)
    {
        var a = p.Contact.Address;
        var changed = p.DateOfBirth != DateOfBirth || p.Nationality != Nationality || a.Line1 != AddressLine1 || a.Line2 != AddressLine2 || a.City != City
            || a.Region != Region || a.PostalCode != PostalCode || a.Country != Country || p.Contact.Email != Email || p.Contact.PhoneE164 != Phone
            || p.Document?.Type != DocumentType || p.Document?.Country != DocumentCountry || numberChanged
            || p.Determination.UsPerson != UsPerson || p.Determination.Basis != DeterminationBasis;
        (DateOfBirth, Nationality) = (p.DateOfBirth, p.Nationality);
        (AddressLine1, AddressLine2, City, Region, PostalCode, Country) = (a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country);
        (Email, Phone) = (p.Contact.Email, p.Contact.PhoneE164);
        (DocumentType, DocumentCountry) = (p.Document?.Type, p.Document?.Country);
        (DocumentNumberEncrypted, DocumentNumberMasked) = (documentNumberEncrypted, documentNumberMasked);
        (UsPerson, DeterminationBasis) = (p.Determination.UsPerson, p.Determination.Basis);
        (UpdatedBy, UpdatedAtUtc) = (by, nowUtc);
        if (changed) (VerifiedBy, VerifiedAtUtc) = (null, null);
        return changed;
    }

    /// <summary>An Officer records that the evidence verifies this foreign owner; the customer's verification stays the Approver's decision.</summary>
    public void Verify(string by, DateTime nowUtc) => (VerifiedBy, VerifiedAtUtc, UpdatedBy, UpdatedAtUtc) = (by, nowUtc, by, nowUtc);
}
