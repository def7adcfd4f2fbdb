using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace IaasKyc.Domain.Customers;

/// <summary>Raw intake input, as typed in the wizard or sent to the API: strings, so that every bad value becomes a finding at its field.</summary>
public sealed record IntakeInput(
    string? Kind, string? Name, string? OtherNames, string? DateOfBirthOrIncorporation, string? CitizenshipOrJurisdiction,
    AddressInput? Address, string? Email, string? Phone,
    DeterminationInput? Determination, IReadOnlyList<AccountInput>? Accounts);

public sealed record AddressInput(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

public sealed record DeterminationInput(bool? UsPerson, string? Basis, string? NoticeGivenOn = null, string? NoticeVersion = null);

public sealed record AccountInput(string? Reference, PaymentMeansInput? PaymentMeans, string? PaymentSource, string? PaymentSourceName,
    IReadOnlyList<string>? Products = null);

public sealed record PaymentMeansInput(string? Type, string? IssuerCountry, string? Identifier, bool? Prepaid = null);

public sealed record ParsedIdentity(CustomerKind Kind, string Name, string? OtherNames, DateOnly? DateOfBirthOrIncorporation, string CitizenshipOrJurisdiction);
public sealed record ParsedContact(Address Address, string Email, string PhoneE164);
public sealed record ParsedDetermination(bool UsPerson, string Basis, DateOnly? NoticeGivenOn, string? NoticeVersion);
public sealed record ParsedAccount(string Reference, PaymentMeansType Means, bool Prepaid, string IssuerCountry, string Identifier,
    PaymentSource Source, string? SourceName, IReadOnlyList<string> Products);

/// <summary>
/// The shape rules of customer intake (proposed § 7.302: name, address, means and source of payment per account,
/// email, phone). Each finding names its field the way api.md says: <c>address.country</c>, <c>accounts[0].paymentMeans.type</c>.
/// </summary>
public static partial class IntakeRules
{
    public const int NameMax = 300, LineMax = 200, ShortMax = 100, EmailMax = 254, BasisMax = 1000, ReferenceMax = 64, IdentifierMax = 64;

    public static (ParsedIdentity? Value, List<Finding> Findings) Identity(IntakeInput i, DateOnly today)
    {
        var f = new List<Finding>();
        var kind = ParseEnum<CustomerKind>(i.Kind, "kind", "individual or entity", f);
        var name = Text(i.Name, "name", NameMax, f, required: true, "Enter the legal name.");
        var other = Text(i.OtherNames, "otherNames", 500, f);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(i.DateOfBirthOrIncorporation))
        {
            if (!DateOnly.TryParseExact(i.DateOfBirthOrIncorporation.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                f.Add(new("date.format", "Enter the date as YYYY-MM-DD.", "dateOfBirthOrIncorporation"));
            else if (d > today)
                f.Add(new("date.future", "The date cannot be in the future.", "dateOfBirthOrIncorporation"));
            else if (d.Year < 1800)
                f.Add(new("date.tooOld", "The date is implausibly old.", "dateOfBirthOrIncorporation"));
            else
                date = d;
        }
        var jurisdiction = Countries.Normalize(i.CitizenshipOrJurisdiction);
        if (jurisdiction.Length == 0)
            f.Add(new("required", kind == CustomerKind.Entity ? "Enter the jurisdiction of organisation." : "Enter the citizenship.", "citizenshipOrJurisdiction"));
        else if (!Countries.IsJurisdiction(jurisdiction))
            f.Add(new("country.unknown", "Use an ISO 3166-1 alpha-2 code (RU), or ISO 3166-2 for a U.S. state (US-DE).", "citizenshipOrJurisdiction"));
        return f.Count > 0 ? (null, f) : (new ParsedIdentity(kind!.Value, name!, other, date, jurisdiction), f);
    }

    public static (ParsedContact? Value, List<Finding> Findings) Contact(IntakeInput i)
    {
        var f = new List<Finding>();
        var a = i.Address ?? new AddressInput(null, null, null, null, null, null);
        var line1 = Text(a.Line1, "address.line1", LineMax, f, required: true, "Enter the street address.");
        var line2 = Text(a.Line2, "address.line2", LineMax, f);
        var city = Text(a.City, "address.city", ShortMax, f, required: true, "Enter the city.");
        var region = Text(a.Region, "address.region", ShortMax, f);
        var postal = Text(a.PostalCode, "address.postalCode", 20, f);
        var country = Country(a.Country, "address.country", f);
        var email = Email(i.Email, f);
        var phone = Phone(i.Phone, country, f);
        return f.Count > 0 ? (null, f) : (new ParsedContact(new Address(line1!, line2, city!, region, postal, country!), email!, phone!), f);
    }

    public static (ParsedDetermination? Value, List<Finding> Findings) Determination(DeterminationInput? d, DateOnly today, bool required = true)
    {
        var f = new List<Finding>();
        if (d is null || (d.UsPerson is null && string.IsNullOrWhiteSpace(d.Basis)))
        {
            if (required) f.Add(new("determination.required", "Record whether the customer is a U.S. or a foreign person, with its basis.", "determination.usPerson"));
            return (null, f);
        }
        if (d.UsPerson is null) f.Add(new("determination.required", "Choose U.S. person or foreign person.", "determination.usPerson"));
        var basis = Text(d.Basis, "determination.basis", BasisMax, f, required: true,
            "Say what the determination rests on, for example 'U.S. passport seen' or 'declared foreign address'.");
        DateOnly? notice = null;
        if (!string.IsNullOrWhiteSpace(d.NoticeGivenOn))
        {
            if (!DateOnly.TryParseExact(d.NoticeGivenOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var n))
                f.Add(new("date.format", "Enter the date as YYYY-MM-DD.", "determination.noticeGivenOn"));
            else if (n > today) f.Add(new("date.future", "The notice cannot have been given in the future.", "determination.noticeGivenOn"));
            else if (n.Year < 2000) f.Add(new("date.tooOld", "The notice date is implausibly old: check the year.", "determination.noticeGivenOn"));
            else notice = n;
        }
        var version = Text(d.NoticeVersion, "determination.noticeVersion", ShortMax, f);
        return f.Count > 0 ? (null, f) : (new ParsedDetermination(d.UsPerson!.Value, basis!, notice, version), f);
    }

    public static (ParsedAccount? Value, List<Finding> Findings) Account(AccountInput? a, int index, IReadOnlySet<string>? knownProducts = null)
    {
        var f = new List<Finding>();
        var p = $"accounts[{index}].";
        if (a is null)
        {
            f.Add(new("required", "Describe the account.", $"accounts[{index}]"));
            return (null, f);
        }
        var reference = Text(a.Reference, p + "reference", ReferenceMax, f, required: true, "Enter the provider's account reference.");
        if (reference is not null && !ReferencePattern().IsMatch(reference))
            f.Add(new("reference.format", "Use letters, digits, dot, dash and underscore only.", p + "reference"));
        var m = a.PaymentMeans ?? new PaymentMeansInput(null, null, null);
        var means = ParseEnum<PaymentMeansType>(m.Type, p + "paymentMeans.type", "card, bankAccount, virtualCurrencyWallet or invoice", f);
        var issuer = Country(m.IssuerCountry, p + "paymentMeans.issuerCountry", f);
        var identifier = Text(m.Identifier, p + "paymentMeans.identifier", IdentifierMax, f, required: true,
            "Enter the card, bank account or wallet identifier (it is stored encrypted and shown masked).");
        var source = ParseEnum<PaymentSource>(a.PaymentSource, p + "paymentSource", "customer, parentCompany or thirdParty", f);
        var sourceName = Text(a.PaymentSourceName, p + "paymentSourceName", NameMax, f);
        if (source is Customers.PaymentSource.ThirdParty or Customers.PaymentSource.ParentCompany && sourceName is null)
            f.Add(new("required", "Name who pays: the parent company or the third party.", p + "paymentSourceName"));
        var products = (a.Products ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList();
        if (knownProducts is not null)
        {
            foreach (var unknown in products.Where(x => !knownProducts.Contains(x)))
                f.Add(new("product.unknown", $"{unknown} is not in the product catalogue.", p + "products"));
        }
        return f.Count > 0 ? (null, f)
            : (new ParsedAccount(reference!, means!.Value, m.Prepaid ?? false, issuer!, identifier!, source!.Value, sourceName, products), f);
    }

    /// <summary>Every rule of a complete intake, as the API applies them at once.</summary>
    public static List<Finding> All(IntakeInput i, DateOnly today, IReadOnlySet<string>? knownProducts = null)
    {
        var f = new List<Finding>();
        f.AddRange(Identity(i, today).Findings);
        f.AddRange(Contact(i).Findings);
        f.AddRange(Determination(i.Determination, today, required: false).Findings);
        var accounts = i.Accounts ?? [];
        if (accounts.Count == 0) f.Add(new("accounts.required", "Add at least one account.", "accounts"));
        if (accounts.Count > 100) f.Add(new("accounts.tooMany", "At most 100 accounts per request.", "accounts"));
        for (var n = 0; n < Math.Min(accounts.Count, 100); n++) f.AddRange(Account(accounts[n], n, knownProducts).Findings);
        var duplicates = accounts.Select((a, n) => (a?.Reference?.Trim(), n)).Where(x => !string.IsNullOrEmpty(x.Item1))
            .GroupBy(x => x.Item1, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        foreach (var g in duplicates)
            f.AddRange(g.Skip(1).Select(x => new Finding("reference.duplicate", "This reference appears twice in the request.", $"accounts[{x.n}].reference")));
        return f;
    }

    /// <summary>E.164 through libphonenumber; a number without a + is read in the address country.</summary>
    public static string? Phone(string? raw, string? regionHint, List<Finding> f, string field = "phone")
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            f.Add(new("required", "Enter the phone number.", field));
            return null;
        }
        if (raw.Length > 40)
        {
            f.Add(new("phone.invalid", "This is not a phone number.", field));
            return null;
        }
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(raw.Trim(), regionHint ?? "ZZ");
            if (util.IsValidNumber(number)) return util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
        }
        f.Add(new("phone.invalid", raw.TrimStart().StartsWith('+') || regionHint is null
            ? "This is not a valid phone number: use the international form, for example +49 30 1234567."
            : $"This is not a valid phone number in {Countries.NameOf(regionHint)}: check it, or use the international form (+...).", field));
        return null;
    }

    /// <summary>The country a phone number belongs to, or null.</summary>
    public static string? PhoneCountry(string? e164)
    {
        if (string.IsNullOrEmpty(e164)) return null;
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var region = util.GetRegionCodeForNumber(util.Parse(e164, "ZZ"));
            return region is null or "ZZ" or "001" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? Email(string? raw, List<Finding> f, string field = "email")
    {
        var email = Text(raw, field, EmailMax, f, required: true, "Enter the email address.");
        if (email is null) return null;
        if (!EmailPattern().IsMatch(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            f.Add(new("email.invalid", "Enter an email address such as name@example.com.", field));
            return null;
        }
        return email;
    }

    public static string? Country(string? raw, string field, List<Finding> f)
    {
        var code = Countries.Normalize(raw);
        if (code.Length == 0)
        {
            f.Add(new("required", "Choose the country.", field));
            return null;
        }
        if (!Countries.IsCountry(code))
        {
            f.Add(new("country.unknown", "Use an ISO 3166-1 alpha-2 country code, for example DE or RU.", field));
            return null;
        }
        return code;
    }

    public static string? Text(string? raw, string field, int max, List<Finding> f, bool required = false, string? requiredMessage = null)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) f.Add(new("required", requiredMessage ?? "This field is required.", field));
            return null;
        }
        if (value.Length > max)
        {
            f.Add(new("tooLong", $"At most {max} characters.", field));
            return null;
        }
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            f.Add(new("controlCharacters", "Remove the control characters.", field));
            return null;
        }
        if (HasHiddenCharacters(value))
        {
            f.Add(new("hiddenCharacters", "Remove the invisible text-direction or broken characters (they can make a name read differently from what is stored).", field));
            return null;
        }
        return value;
    }

    public static T? ParseEnum<T>(string? raw, string field, string allowed, List<Finding> f) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            f.Add(new("required", $"Choose one of: {allowed}.", field));
            return null;
        }
        if (Enum.TryParse<T>(raw.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !char.IsDigit(raw.Trim()[0])) return v;
        f.Add(new("enum.invalid", $"'{Truncate(raw)}' is not one of: {allowed}.", field));
        return null;
    }

    /// <summary>Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and UTF-16 halves without their pair.</summary>
    public static bool HasHiddenCharacters(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return true;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
