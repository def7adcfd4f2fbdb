using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;

namespace IaasKyc.Tests.Domain.Owners;

public sealed class OwnerRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTime Now = new(2026, 6, 15, 14, 0, 0, DateTimeKind.Utc);

    private static readonly BeneficialOwner Anna = new("anna", "Anna Schmidt", "DE", 70m, ["70.00 % ownership"]);
    private static readonly BeneficialOwner Ben = new("ben", "Ben Krause", "AT", 30m, ["30.00 % ownership"]);

    private static OwnerProfileInput Input(bool? usPerson = false) =>
        new("1975-11-30", "DE", new AddressInput("Friedrichstraße 68", null, "Berlin", null, "10117", "DE"), "anna@example.com", "030 1234567",
            "Passport", "C01X00T47", "DE", usPerson, "German passport seen");

    private static OwnerProfile Profile(string key, bool usPerson, bool verified = false)
    {
        var p = new OwnerProfile(Guid.Empty, key);
        p.Set(OwnerRules.Profile(Input(usPerson), "Owner", Today).Value!, "enc", "••••0T47", true, "officer", Now);
        if (verified) p.Verify("officer", Now);
        return p;
    }

    private static Dictionary<string, OwnerProfile> Profiles(params OwnerProfile[] profiles) => profiles.ToDictionary(p => p.NodeKey);

    [Fact]
    public void A_complete_profile_is_parsed_with_the_phone_in_E164_read_in_the_address_country()
    {
        var (parsed, findings) = OwnerRules.Profile(Input(), "Anna Schmidt", Today);

        Assert.Empty(findings);
        Assert.Equal("+49301234567", parsed!.Contact.PhoneE164);
        Assert.Equal(new DateOnly(1975, 11, 30), parsed.DateOfBirth);
        Assert.Equal(new OwnerDocument("Passport", "C01X00T47", "DE"), parsed.Document);
        Assert.False(parsed.Determination.UsPerson);
    }

    [Fact]
    public void Profile_findings_name_the_owners_fields()
    {
        var input = Input(usPerson: null) with { DateOfBirth = "2030-01-01", Nationality = "", Email = "x@", DocumentCountry = "ZZ", Basis = null };

        var (parsed, findings) = OwnerRules.Profile(input, "Anna Schmidt", Today);

        Assert.Null(parsed);
        Assert.Equal(["dateOfBirth", "determination.usPerson", "documentCountry", "email", "nationality"],
            findings.Select(f => f.Field).Distinct().Order().ToArray());
        Assert.Equal("Enter the nationality.", findings.Single(f => f.Field == "nationality").Message);
        Assert.Contains("owner", findings.Single(f => f.Field == "determination.usPerson").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unverified_foreign_owner_blocks_verification_by_name()
    {
        var blockers = OwnerRules.VerificationBlockers([Anna, Ben], Profiles(Profile("anna", usPerson: false), Profile("ben", usPerson: true)), false);

        var finding = Assert.Single(blockers);
        Assert.Equal("verify.ownerUnverified", finding.Code);
        Assert.Equal("beneficialOwners[0].verified", finding.Field);
        Assert.StartsWith("Anna Schmidt is a foreign beneficial owner", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_without_a_determination_blocks_verification_unless_the_statement_covers_it()
    {
        var profiles = Profiles(Profile("anna", usPerson: false, verified: true));

        var withoutStatement = OwnerRules.VerificationBlockers([Anna, Ben], profiles, allUsPersonsStated: false);
        var withStatement = OwnerRules.VerificationBlockers([Ben], Profiles(), allUsPersonsStated: true);

        Assert.Equal("beneficialOwners[1].determination", Assert.Single(withoutStatement).Field);
        Assert.Contains("Ben Krause", withoutStatement[0].Message, StringComparison.Ordinal);
        Assert.Empty(withStatement);
    }

    [Fact]
    public void All_owners_are_US_persons_by_determination_or_by_the_statement_but_never_with_a_foreign_owner()
    {
        Assert.True(OwnerRules.AllUsPersons([Anna, Ben], Profiles(Profile("anna", true), Profile("ben", true)), false));
        Assert.False(OwnerRules.AllUsPersons([Anna, Ben], Profiles(Profile("anna", true)), false));
        Assert.True(OwnerRules.AllUsPersons([Anna, Ben], Profiles(Profile("anna", true)), true));
        Assert.False(OwnerRules.AllUsPersons([Anna, Ben], Profiles(Profile("ben", false, verified: true)), true));
    }

    [Fact]
    public void The_statement_is_refused_naming_each_foreign_owner()
    {
        var (basis, findings) = OwnerRules.AllUsPersonsStatement("Register of members seen", [Anna, Ben], Profiles(Profile("ben", false)));

        Assert.Null(basis);
        Assert.Equal("beneficialOwners[1].determination", Assert.Single(findings).Field);
        Assert.Contains("Ben Krause", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_statement_needs_its_basis()
    {
        var (basis, findings) = OwnerRules.AllUsPersonsStatement(" ", [Anna], Profiles());

        Assert.Null(basis);
        Assert.Equal("basis", Assert.Single(findings).Field);
    }

    [Fact]
    public void Changing_what_a_verification_rests_on_clears_it()
    {
        var p = Profile("anna", usPerson: false, verified: true);
        var same = OwnerRules.Profile(Input(false), "Anna", Today).Value!;
        var moved = OwnerRules.Profile(Input(false) with { Address = new AddressInput("Karl-Marx-Allee 1", null, "Berlin", null, "10178", "DE") }, "Anna", Today).Value!;

        Assert.False(p.Set(same, "enc", "••••0T47", false, "officer", Now));
        Assert.True(p.Verified);
        Assert.True(p.Set(moved, "enc", "••••0T47", false, "officer", Now));
        Assert.False(p.Verified);
    }
}
