using IaasKyc.Domain;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Tests.Domain.Customers;

public sealed class IntakeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static IntakeInput Input(string? kind = "entity", string? name = "Nordlicht Rechenzentrum GmbH", string? date = "2015-03-01",
        string? jurisdiction = "DE", string? country = "DE", string? email = "kyc@nordlicht.example", string? phone = "030 1234567",
        DeterminationInput? determination = null, IReadOnlyList<AccountInput>? accounts = null) =>
        new(kind, name, null, date, jurisdiction, new AddressInput("Friedrichstraße 123", null, "Berlin", null, "10117", country), email, phone,
            determination, accounts ?? [Account()]);

    private static AccountInput Account(string? reference = "ACC-1", string? type = "card", string? issuer = "DE", string? identifier = "4111111111111111",
        string? source = "customer", string? sourceName = null) =>
        new(reference, new PaymentMeansInput(type, issuer, identifier), source, sourceName);

    private static IEnumerable<string> Fields(IEnumerable<Finding> findings) => findings.Select(f => f.Field);

    [Fact]
    public void A_complete_intake_has_no_findings()
    {
        var findings = IntakeRules.All(Input(), Today);

        Assert.Empty(findings);
    }

    [Fact]
    public void A_national_phone_number_is_read_in_the_address_country_and_stored_in_E164()
    {
        var (contact, findings) = IntakeRules.Contact(Input(phone: "030 1234567", country: "DE"));

        Assert.Empty(findings);
        Assert.Equal("+49301234567", contact!.PhoneE164);
    }

    [Fact]
    public void An_international_phone_number_keeps_its_own_country_whatever_the_address()
    {
        var (contact, _) = IntakeRules.Contact(Input(phone: "+44 20 7946 0958", country: "DE"));

        Assert.Equal("+442079460958", contact!.PhoneE164);
        Assert.Equal("GB", IntakeRules.PhoneCountry(contact.PhoneE164));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("+49 1")]
    [InlineData("call me")]
    [InlineData("")]
    public void An_invalid_phone_number_is_a_finding_at_phone(string phone)
    {
        var (contact, findings) = IntakeRules.Contact(Input(phone: phone));

        Assert.Null(contact);
        Assert.Equal(["phone"], Fields(findings));
    }

    [Fact]
    public void A_US_state_is_accepted_as_the_jurisdiction_of_organisation()
    {
        var (identity, findings) = IntakeRules.Identity(Input(jurisdiction: "us-de"), Today);

        Assert.Empty(findings);
        Assert.Equal("US-DE", identity!.CitizenshipOrJurisdiction);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("DEU")]
    [InlineData("US-ZZ")]
    public void An_unknown_jurisdiction_is_refused(string jurisdiction)
    {
        var (_, findings) = IntakeRules.Identity(Input(jurisdiction: jurisdiction), Today);

        Assert.Equal(["citizenshipOrJurisdiction"], Fields(findings));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("US-DE")]
    [InlineData("")]
    public void An_address_country_must_be_an_ISO_country(string country)
    {
        var (_, findings) = IntakeRules.Contact(Input(country: country, phone: "+49 30 1234567"));

        Assert.Equal(["address.country"], Fields(findings));
    }

    [Fact]
    public void A_date_in_the_future_is_refused()
    {
        var (_, findings) = IntakeRules.Identity(Input(date: "2026-11-30"), Today);

        Assert.Equal("date.future", Assert.Single(findings).Code);
    }

    [Theory]
    [InlineData("01/03/2015")]
    [InlineData("2015-02-30")]
    [InlineData("1700-01-01")]
    public void A_malformed_or_implausible_date_is_refused(string date)
    {
        var (_, findings) = IntakeRules.Identity(Input(date: date), Today);

        Assert.Equal(["dateOfBirthOrIncorporation"], Fields(findings));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("two@@example.com")]
    [InlineData("Name <a@example.com>")]
    public void An_invalid_email_is_a_finding_at_email(string email)
    {
        var (_, findings) = IntakeRules.Contact(Input(email: email));

        Assert.Equal(["email"], Fields(findings));
    }

    [Fact]
    public void Enum_values_are_case_insensitive_and_numbers_are_not_enum_values()
    {
        var f = new List<Finding>();

        Assert.Equal(PaymentMeansType.BankAccount, IntakeRules.ParseEnum<PaymentMeansType>("BANKACCOUNT", "t", "", f));
        Assert.Equal(CustomerKind.Entity, IntakeRules.ParseEnum<CustomerKind>("Entity", "k", "", f));
        Assert.Null(IntakeRules.ParseEnum<CustomerKind>("1", "k", "", f));
        Assert.Equal(["k"], Fields(f));
    }

    [Fact]
    public void Each_bad_account_field_is_named_with_its_index()
    {
        var findings = IntakeRules.All(Input(accounts: [Account(), Account(reference: "bad ref!", type: "cheque", issuer: "ZZ", identifier: "", source: "friend")]), Today);

        Assert.Equal(
            ["accounts[1].reference", "accounts[1].paymentMeans.type", "accounts[1].paymentMeans.issuerCountry", "accounts[1].paymentMeans.identifier", "accounts[1].paymentSource"],
            Fields(findings));
    }

    [Fact]
    public void A_third_party_or_parent_payer_must_be_named()
    {
        var third = IntakeRules.Account(Account(source: "thirdParty"), 0).Findings;
        var named = IntakeRules.Account(Account(source: "thirdParty", sourceName: "Orbit Holdings Ltd"), 0);

        Assert.Equal(["accounts[0].paymentSourceName"], Fields(third));
        Assert.Equal(PaymentSource.ThirdParty, named.Value!.Source);
    }

    [Fact]
    public void The_same_reference_twice_in_one_request_is_refused_at_the_second()
    {
        var findings = IntakeRules.All(Input(accounts: [Account("ACC-7"), Account("acc-7")]), Today);

        Assert.Equal("accounts[1].reference", Assert.Single(findings).Field);
    }

    [Fact]
    public void An_intake_without_accounts_is_refused()
    {
        var findings = IntakeRules.All(Input(accounts: []), Today);

        Assert.Equal("accounts", Assert.Single(findings).Field);
    }

    [Fact]
    public void Products_must_come_from_the_catalogue_when_one_is_given()
    {
        var account = Account() with { Products = ["GPU-H100", "NOPE"] };

        var findings = IntakeRules.Account(account, 0, new HashSet<string> { "GPU-H100" }).Findings;

        Assert.Equal("accounts[0].products", Assert.Single(findings).Field);
    }

    [Fact]
    public void A_determination_needs_a_basis_and_a_past_notice_date()
    {
        var (_, missingBasis) = IntakeRules.Determination(new DeterminationInput(false, " "), Today);
        var (_, futureNotice) = IntakeRules.Determination(new DeterminationInput(true, "U.S. passport seen", "2026-12-01"), Today);
        var (ok, none) = IntakeRules.Determination(new DeterminationInput(true, "U.S. passport seen", "2026-11-01", "CIP v1"), Today);

        Assert.Equal(["determination.basis"], Fields(missingBasis));
        Assert.Equal(["determination.noticeGivenOn"], Fields(futureNotice));
        Assert.Empty(none);
        Assert.Equal(new DateOnly(2026, 11, 1), ok!.NoticeGivenOn);
    }

    [Fact]
    public void Text_over_its_limit_or_with_control_characters_is_refused()
    {
        var (_, tooLong) = IntakeRules.Identity(Input(name: new string('a', IntakeRules.NameMax + 1)), Today);
        var (_, control) = IntakeRules.Identity(Input(name: "Evil\u0000Corp"), Today);

        Assert.Equal("tooLong", Assert.Single(tooLong).Code);
        Assert.Equal("controlCharacters", Assert.Single(control).Code);
    }
}
