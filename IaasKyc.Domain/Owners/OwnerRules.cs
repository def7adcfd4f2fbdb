using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Owners;

/// <summary>A beneficial owner's profile as typed or sent: strings, so that every bad value becomes a finding at its field.</summary>
public sealed record OwnerProfileInput(
    string? DateOfBirth, string? Nationality, AddressInput? Address, string? Email, string? Phone,
    string? DocumentType, string? DocumentNumber, string? DocumentCountry, bool? UsPerson, string? Basis);

public sealed record OwnerDocument(string Type, string? Number, string Country);

public sealed record ParsedOwnerProfile(DateOnly? DateOfBirth, string Nationality, ParsedContact Contact, OwnerDocument? Document,
    ParsedDetermination Determination);

/// <summary>An owner's facts for screening (once screening exists): who to screen, with the qualifiers a match may use.</summary>
public sealed record OwnerScreeningSubject(string Key, string Name, OwnerKind Kind, string? Country, string? Nationality, DateOnly? DateOfBirth);

/// <summary>
/// The customer treatment for beneficial owners (proposed § 7.302; regulation.md §1): the same intake rules as the customer
/// (<see cref="IntakeRules"/>), findings at the profile's fields (<c>dateOfBirth</c>, <c>nationality</c>, <c>address.city</c>,
/// <c>documentNumber</c>, <c>determination.basis</c>); what blocks the customer's verification; the "all beneficial owners are
/// U.S. persons" statement.
/// </summary>
public static class OwnerRules
{
    public static (ParsedOwnerProfile? Value, List<Finding> Findings) Profile(OwnerProfileInput i, string ownerName, DateOnly today)
    {
        var f = new List<Finding>();
        // The customer's identity rule, read for an individual: its date and citizenship fields become the owner's.
        var identity = IntakeRules.Identity(new IntakeInput("individual", ownerName, null, i.DateOfBirth, i.Nationality, null, null, null, null, null), today);
        f.AddRange(identity.Findings.Select(x => x.Field switch
        {
            "dateOfBirthOrIncorporation" => x with { Field = "dateOfBirth" },
            "citizenshipOrJurisdiction" => x with { Field = "nationality", Message = x.Code == "required" ? "Enter the nationality." : x.Message },
            _ => x,
        }));
        var contact = IntakeRules.Contact(new IntakeInput(null, null, null, null, null, i.Address, i.Email, i.Phone, null, null));
        f.AddRange(contact.Findings);
        var determination = IntakeRules.Determination(new DeterminationInput(i.UsPerson, i.Basis), today);
        f.AddRange(determination.Findings.Select(x => x.Code == "determination.required" && x.Message.Contains("customer", StringComparison.Ordinal)
            ? x with { Message = "Record whether the owner is a U.S. or a foreign person, with its basis." } : x));
        OwnerDocument? document = null;
        var anyDocument = !string.IsNullOrWhiteSpace(i.DocumentType) || !string.IsNullOrWhiteSpace(i.DocumentNumber) || !string.IsNullOrWhiteSpace(i.DocumentCountry);
        if (anyDocument)
        {
            var before = f.Count;
            var type = IntakeRules.Text(i.DocumentType, "documentType", 100, f, required: true, "Choose the document type.");
            var number = IntakeRules.Text(i.DocumentNumber, "documentNumber", 64, f);
            var country = IntakeRules.Country(i.DocumentCountry, "documentCountry", f);
            if (f.Count == before) document = new OwnerDocument(type!, number, country!);
        }
        if (f.Count > 0) return (null, f);
        return (new ParsedOwnerProfile(identity.Value!.DateOfBirthOrIncorporation, Countries.CountryOf(identity.Value.CitizenshipOrJurisdiction),
            contact.Value!, document, determination.Value!), f);
    }

    /// <summary>
    /// Proposed § 7.302: the customer's verification is not complete while a beneficial owner has no U.S./foreign determination
    /// or a foreign beneficial owner is unverified. The statement that all beneficial owners are U.S. persons stands in for
    /// determinations it covers (it is refused while any owner is determined foreign). Each finding names the owner.
    /// </summary>
    public static List<Finding> VerificationBlockers(IReadOnlyList<BeneficialOwner> owners, IReadOnlyDictionary<string, OwnerProfile> profiles,
        bool allUsPersonsStated)
    {
        var f = new List<Finding>();
        for (var n = 0; n < owners.Count; n++)
        {
            var o = owners[n];
            var profile = profiles.GetValueOrDefault(o.Key);
            if (profile?.UsPerson == false && !profile.Verified)
            {
                f.Add(new("verify.ownerUnverified",
                    $"{o.Name} is a foreign beneficial owner and is not verified: add evidence and mark the owner verified.", $"beneficialOwners[{n}].verified"));
            }
            else if (profile?.UsPerson is null && !allUsPersonsStated)
            {
                f.Add(new("verify.ownerDetermination",
                    $"Record whether {o.Name} (beneficial owner) is a U.S. or a foreign person, with its basis.", $"beneficialOwners[{n}].determination"));
            }
        }
        return f;
    }

    /// <summary>
    /// Whether every beneficial owner is shown to be a U.S. person: by the recorded statement (no owner determined foreign),
    /// or by a U.S.-person determination of each.
    /// </summary>
    public static bool AllUsPersons(IReadOnlyList<BeneficialOwner> owners, IReadOnlyDictionary<string, OwnerProfile> profiles, bool allUsPersonsStated) =>
        allUsPersonsStated
            ? owners.All(o => profiles.GetValueOrDefault(o.Key)?.UsPerson != false)
            : owners.All(o => profiles.GetValueOrDefault(o.Key)?.UsPerson == true);

    /// <summary>
    /// The statement "all beneficial owners are U.S. persons" (regulation.md §1): needs its basis, and is refused while any
    /// beneficial owner is determined foreign (naming the owner).
    /// </summary>
    public static (string? Basis, List<Finding> Findings) AllUsPersonsStatement(string? basis, IReadOnlyList<BeneficialOwner> owners,
        IReadOnlyDictionary<string, OwnerProfile> profiles)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(basis, "basis", IntakeRules.BasisMax, f, required: true,
            "Say what the statement rests on, for example 'register of members and U.S. passports of both members seen'.");
        for (var n = 0; n < owners.Count; n++)
        {
            if (profiles.GetValueOrDefault(owners[n].Key)?.UsPerson == false)
                f.Add(new("statement.foreignOwner", $"{owners[n].Name} is determined a foreign person: not all beneficial owners are U.S. persons.",
                    $"beneficialOwners[{n}].determination"));
        }
        return (f.Count > 0 ? null : text, f);
    }
}
