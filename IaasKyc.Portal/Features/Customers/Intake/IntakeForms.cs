using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Components.Shared;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Features.Customers.Intake;

// The wizard's form models: their DataAnnotations check the shape before a save; the service's findings
// (IntakeRules) come back at the same properties through FormFindings.

/// <summary>A country (or, with <see cref="WithUsStates"/>, a U.S. state such as US-DE) typed or chosen in a country autocomplete.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CountryCodeAttribute : ValidationAttribute
{
    public bool WithUsStates { get; init; }

    public override bool IsValid(object? value)
    {
        var code = IntakeCatalog.Resolve(value as string);
        return code is null || (WithUsStates ? Countries.IsJurisdiction(code) : Countries.IsCountry(code));
    }

    public override string FormatErrorMessage(string name) => WithUsStates
        ? "Use an ISO 3166-1 alpha-2 code (RU), or ISO 3166-2 for a U.S. state (US-DE)."
        : "Use an ISO 3166-1 alpha-2 country code, for example DE or RU.";
}

public sealed class IdentityForm
{
    public CustomerKind Kind { get; set; } = CustomerKind.Individual;

    [Required(ErrorMessage = "Enter the legal name."), StringLength(IntakeRules.NameMax)]
    public string? Name { get; set; }

    [StringLength(500)]
    public string? OtherNames { get; set; }

    public string? DateOfBirthOrIncorporation { get; set; }

    [Required(ErrorMessage = "Choose the citizenship or jurisdiction of organisation."), CountryCode(WithUsStates = true)]
    public string? CitizenshipOrJurisdiction { get; set; }

    /// <summary>The fields a concurrency conflict compares.</summary>
    public static readonly (string, Func<IdentityForm, string?>)[] Compared =
    [
        ("Kind of customer", f => f.Kind.ToString()), ("Legal name", f => f.Name), ("Other names", f => f.OtherNames),
        ("Date of birth or incorporation", f => f.DateOfBirthOrIncorporation),
        ("Citizenship or jurisdiction", f => IntakeCatalog.Resolve(f.CitizenshipOrJurisdiction) ?? f.CitizenshipOrJurisdiction),
    ];

    public IntakeInput ToInput() => new(Kind.ToString(), Name, OtherNames, DateOfBirthOrIncorporation,
        IntakeCatalog.Resolve(CitizenshipOrJurisdiction), null, null, null, null, null);

    public static IdentityForm From(CustomerDetail? c) => c is null ? new() : new()
    {
        Kind = c.Kind,
        Name = c.Name,
        OtherNames = c.OtherNames,
        DateOfBirthOrIncorporation = Iso(c.DateOfBirthOrIncorporation),
        CitizenshipOrJurisdiction = c.CitizenshipOrJurisdiction,
    };

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseIso(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class ContactForm
{
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

    /// <summary>The fields a concurrency conflict compares.</summary>
    public static readonly (string, Func<ContactForm, string?>)[] Compared =
    [
        ("Address line 1", f => f.Line1), ("Address line 2", f => f.Line2), ("City", f => f.City), ("Region", f => f.Region),
        ("Postal code", f => f.PostalCode), ("Country", f => IntakeCatalog.Resolve(f.Country) ?? f.Country), ("Email", f => f.Email), ("Phone", f => f.Phone),
    ];

    public IntakeInput ToInput() => new(null, null, null, null, null,
        new AddressInput(Line1, Line2, City, Region, PostalCode, IntakeCatalog.Resolve(Country)), Email, Phone, null, null);

    public static ContactForm From(CustomerDetail? c) => c is null ? new() : new()
    {
        Line1 = c.AddressLine1,
        Line2 = c.AddressLine2,
        City = c.City,
        Region = c.Region,
        PostalCode = c.PostalCode,
        Country = c.Country,
        Email = c.Email,
        Phone = c.Phone,
    };
}

public sealed class DeterminationForm
{
    [Required(ErrorMessage = "Choose U.S. person or foreign person.")]
    public bool? UsPerson { get; set; }

    [Required(ErrorMessage = "Say what the determination rests on."), StringLength(IntakeRules.BasisMax)]
    public string? Basis { get; set; }

    [Required(ErrorMessage = "Record when the customer received the notice.")]
    public string? NoticeGivenOn { get; set; }

    [StringLength(IntakeRules.ShortMax)]
    public string? NoticeVersion { get; set; }

    /// <summary>The fields a concurrency conflict compares.</summary>
    public static readonly (string, Func<DeterminationForm, string?>)[] Compared =
    [
        ("U.S. or foreign person", f => EditConflict.YesNo(f.UsPerson, "U.S. person", "Foreign person")), ("Basis of the determination", f => f.Basis),
        ("Date notice given", f => f.NoticeGivenOn), ("Notice version", f => f.NoticeVersion),
    ];

    public DeterminationInput ToInput() => new(UsPerson, Basis, NoticeGivenOn, NoticeVersion);

    public static DeterminationForm From(CustomerDetail? c, string? currentNotice) => new()
    {
        UsPerson = c?.UsPerson,
        Basis = c?.DeterminationBasis,
        NoticeGivenOn = IdentityForm.Iso(c?.NoticeGivenOn),
        NoticeVersion = c?.NoticeVersion ?? currentNotice,
    };
}

public sealed class AccountForm
{
    /// <summary>Finding fields whose last segment is not the property's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldMap = new Dictionary<string, string> { ["paymentMeans.type"] = nameof(MeansType) };

    [Required(ErrorMessage = "Enter the provider's account reference."), StringLength(IntakeRules.ReferenceMax)]
    public string? Reference { get; set; }

    [Required(ErrorMessage = "Choose the means of payment.")]
    public PaymentMeansType? MeansType { get; set; }

    public bool Prepaid { get; set; }

    [Required(ErrorMessage = "Choose the issuer's country."), CountryCode]
    public string? IssuerCountry { get; set; }

    [Required(ErrorMessage = "Enter the card, bank account or wallet identifier."), StringLength(IntakeRules.IdentifierMax)]
    public string? Identifier { get; set; }

    [Required(ErrorMessage = "Choose who pays.")]
    public PaymentSource? PaymentSource { get; set; } = Domain.Customers.PaymentSource.Customer;

    [StringLength(IntakeRules.NameMax)]
    public string? PaymentSourceName { get; set; }

    public IReadOnlyCollection<string> Products { get; set; } = [];

    /// <summary>The account as a line of the accounts list (<see cref="Labels.Account"/>), the identifier masked.</summary>
    public string Line(Func<string?, string> productName) => Labels.Account(MeansType ?? PaymentMeansType.Card, Prepaid, FieldCipher.Mask(Identifier?.Trim()),
        IntakeCatalog.Resolve(IssuerCountry) ?? "", PaymentSource ?? Domain.Customers.PaymentSource.Customer,
        PaymentSource is Domain.Customers.PaymentSource.Customer ? null : PaymentSourceName?.Trim(), Products, productName);

    public AccountInput ToInput() => new(Reference, new PaymentMeansInput(MeansType?.ToString(), IntakeCatalog.Resolve(IssuerCountry), Identifier, Prepaid),
        PaymentSource?.ToString(), PaymentSource is Domain.Customers.PaymentSource.Customer ? null : PaymentSourceName, [.. Products]);
}

public sealed class DocumentForm
{
    public static readonly string[] Types = ["Passport", "National ID", "Certificate of incorporation", "Other"];

    [Required(ErrorMessage = "Choose the document type.")]
    public string? DocumentType { get; set; }

    [Required(ErrorMessage = "Enter the document number."), StringLength(64)]
    public string? DocumentNumber { get; set; }

    [Required(ErrorMessage = "Choose the issuing country."), CountryCode]
    public string? IssuingCountry { get; set; }

    public string? Expires { get; set; }

    public string? File { get; set; }
}

public sealed class CheckForm
{
    [Required(ErrorMessage = "Name the source consulted."), StringLength(300)]
    public string? Source { get; set; }

    [Required(ErrorMessage = "Enter the date of the check.")]
    public string? CheckedOn { get; set; }

    [Required(ErrorMessage = "Say what the check found."), StringLength(1000)]
    public string? Result { get; set; }
}
