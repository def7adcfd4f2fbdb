using System.ComponentModel.DataAnnotations;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Components.Shared;
using IaasKyc.Portal.Features.Customers.Intake;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>
/// The owner profile editor's form: DataAnnotations check the shape; <see cref="OwnerRules.Profile"/> (the customer's intake rules)
/// comes back at the same properties (<c>address.city</c> → City, <c>determination.basis</c> → Basis).
/// </summary>
public sealed class OwnerProfileFormModel
{
    public string? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Choose the nationality."), CountryCode]
    public string? Nationality { get; set; }

    [Required(ErrorMessage = "Enter the street address."), StringLength(IntakeRules.LineMax)]
    public string? Line1 { get; set; }

    [StringLength(IntakeRules.LineMax)]
    public string? Line2 { get; set; }

    [Required(ErrorMessage = "Enter the city."), StringLength(IntakeRules.ShortMax)]
    public string? City { get; set; }

    [StringLength(IntakeRules.ShortMax)]
    public string? Region { get; set; }

    [StringLength(20)]
    public string? PostalCode { get; set; }

    [Required(ErrorMessage = "Choose the country."), CountryCode]
    public string? Country { get; set; }

    [Required(ErrorMessage = "Enter the email address."), StringLength(IntakeRules.EmailMax)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter the phone number."), StringLength(40)]
    public string? Phone { get; set; }

    public string? DocumentType { get; set; }

    /// <summary>Left empty, the stored number is kept (it is shown masked only).</summary>
    [StringLength(64)]
    public string? DocumentNumber { get; set; }

    [CountryCode]
    public string? DocumentCountry { get; set; }

    [Required(ErrorMessage = "Choose U.S. person or foreign person.")]
    public bool? UsPerson { get; set; }

    [Required(ErrorMessage = "Say what the determination rests on."), StringLength(IntakeRules.BasisMax)]
    public string? Basis { get; set; }

    public OwnerProfileInput ToInput() => new(DateOfBirth, IntakeCatalog.Resolve(Nationality),
        new AddressInput(Line1, Line2, City, Region, PostalCode, IntakeCatalog.Resolve(Country)), Email, Phone,
        DocumentType, DocumentNumber, IntakeCatalog.Resolve(DocumentCountry), UsPerson, Basis);

    /// <summary>The stored document number, masked, that a save with the number left empty keeps.</summary>
    public string? StoredDocumentNumber { get; private init; }

    /// <summary>
    /// The form held against the stored profile. In a comparison the document number stays masked on both sides; left empty under a
    /// chosen document type it keeps the stored one (theirs), and with no type the document is removed.
    /// </summary>
    public static EditedRecord<OwnerProfileView, OwnerProfileFormModel> Edit() => new(From, (theirs, mine) =>
    {
        static string? Code(string? typed) => IntakeCatalog.Resolve(typed) ?? typed;
        (string, Func<OwnerProfileFormModel, string?>)[] fields =
        [
            ("Date of birth", f => f.DateOfBirth), ("Nationality", f => Code(f.Nationality)), ("Street address", f => f.Line1), ("Address line 2", f => f.Line2),
            ("City", f => f.City), ("Region", f => f.Region), ("Postal code", f => f.PostalCode), ("Country", f => Code(f.Country)), ("Email", f => f.Email),
            ("Phone", f => f.Phone), ("Identity document", f => f.DocumentType),
            ("Document number", f => string.IsNullOrWhiteSpace(f.DocumentType) ? null
                : string.IsNullOrWhiteSpace(f.DocumentNumber) ? theirs.StoredDocumentNumber : FieldCipher.Mask(f.DocumentNumber.Trim())),
            ("Issuing country", f => Code(f.DocumentCountry)), ("U.S. or foreign person", f => EditConflict.YesNo(f.UsPerson, "U.S. person", "Foreign person")),
            ("Basis of the determination", f => f.Basis),
        ];
        return EditConflict.Between(theirs, mine, fields, null, null).Fields;
    });

    public static OwnerProfileFormModel From(OwnerProfileView p) => new()
    {
        DateOfBirth = IdentityForm.Iso(p.DateOfBirth),
        Nationality = p.Nationality ?? p.NodeCountry,
        Line1 = p.AddressLine1,
        Line2 = p.AddressLine2,
        City = p.City,
        Region = p.Region,
        PostalCode = p.PostalCode,
        Country = p.Country ?? p.NodeCountry,
        Email = p.Email,
        Phone = p.Phone,
        DocumentType = p.DocumentType,
        StoredDocumentNumber = p.DocumentNumberMasked,
        DocumentCountry = p.DocumentCountry,
        UsPerson = p.UsPerson,
        Basis = p.DeterminationBasis,
    };
}
