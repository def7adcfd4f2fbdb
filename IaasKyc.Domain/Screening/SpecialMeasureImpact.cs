using System.Globalization;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Screening;

/// <summary>The facts of one customer a special measure can touch, gathered by the service.</summary>
/// <param name="OtherNames">Other names the customer uses, separated by semicolons (compared like the legal name).</param>
/// <param name="CitizenshipOrJurisdiction">ISO 3166-1, or ISO 3166-2 for a U.S. state.</param>
public sealed record ImpactSubject(
    string Name,
    CustomerKind Kind,
    string? OtherNames,
    string? CitizenshipOrJurisdiction,
    string? AddressCountry,
    string? PhoneCountry,
    IReadOnlyList<ImpactAccount> Accounts,
    IReadOnlyList<ImpactOwner> Owners);

public sealed record ImpactAccount(string Reference, string IssuerCountry);

/// <summary>A beneficial owner of an entity customer.</summary>
public sealed record ImpactOwner(string Name, string? Country);

/// <summary>Why a measure touches a customer: which fact (a stable code), said for people, and the account when the fact is an account's.</summary>
public sealed record ImpactReason(string Code, string Text, string? AccountReference = null);

/// <summary>
/// A measure in effect that touches a customer, with its reasons: what the risk rating, the verification rule and the provisioning
/// gate need. <see cref="Reference"/> is the register's number (SM-001).
/// </summary>
public sealed record MeasureEffect(string Reference, MeasureAction Action, string Subject, string? ConditionText, IReadOnlyList<ImpactReason> Reasons)
{
    public string Why => string.Join("; ", Reasons.Select(r => r.Text));
}

/// <summary>
/// Which facts of a customer a special measure touches, and why (proposed § 7.305: accounts for the jurisdiction or person, or anyone
/// acting for them). A jurisdiction touches the customer's citizenship or jurisdiction of organisation, its address, the issuer of each
/// account's means of payment, its phone number and its beneficial owners' countries. A person is matched by name (aliases too) against
/// the customer and its beneficial owners through the screening matcher, at its default threshold.
/// </summary>
public static class SpecialMeasureImpact
{
    public static IReadOnlyList<ImpactReason> Reasons(SpecialMeasureTerms measure, ImpactSubject subject, double threshold = ScreeningIndex.DefaultThreshold) =>
        measure.Target == MeasureTarget.Jurisdiction ? JurisdictionReasons(measure.Country!, subject) : PersonReasons(measure, subject, threshold);

    /// <summary>The findings that stop verification: one per prohibition in effect, naming the measure and why it applies.</summary>
    public static IEnumerable<Finding> VerifyBlockers(IEnumerable<MeasureEffect> effects) =>
        effects.Where(e => e.Action == MeasureAction.Prohibit).Select(e => new Finding("verify.specialMeasure",
            $"Special measure {e.Reference} prohibits accounts for {e.Subject} ({e.Why}): this customer cannot be verified or provisioned.", "risk"));

    private static List<ImpactReason> JurisdictionReasons(string country, ImpactSubject s)
    {
        var name = Countries.NameOf(country);
        var reasons = new List<ImpactReason>();
        if (s.CitizenshipOrJurisdiction is { } j && Countries.CountryOf(j) == country)
        {
            reasons.Add(new("customerCountry", s.Kind == CustomerKind.Entity
                ? $"Organised in {name}" : $"Citizen of {name}"));
        }
        if (s.AddressCountry == country) reasons.Add(new("addressCountry", $"Address in {name}"));
        foreach (var a in s.Accounts.Where(a => a.IssuerCountry == country))
            reasons.Add(new("paymentIssuer", $"Account {a.Reference} pays through an issuer in {name}", a.Reference));
        if (s.PhoneCountry == country) reasons.Add(new("phoneCountry", $"Phone number in {name}"));
        foreach (var o in s.Owners.Where(o => o.Country == country))
            reasons.Add(new("ownerCountry", $"Beneficial owner {o.Name} in {name}"));
        return reasons;
    }

    private static List<ImpactReason> PersonReasons(SpecialMeasureTerms m, ImpactSubject s, double threshold)
    {
        var measureNames = new[] { m.PersonName! }.Concat(m.Aliases).ToList();
        IReadOnlyList<string>? measureCountries = m.Country is null ? null : [m.Country];
        var reasons = new List<ImpactReason>();

        var customerCountry = s.CitizenshipOrJurisdiction is { } j ? Countries.CountryOf(j) : s.AddressCountry;
        var type = s.Kind == CustomerKind.Entity ? ListEntryType.Entity : ListEntryType.Individual;
        var customerNames = new[] { s.Name }.Concat(SpecialMeasureRules.SplitAliases(s.OtherNames)).Distinct();
        foreach (var name in customerNames)
        {
            if (BestMatch(new ScreeningQuery(name, type, customerCountry), measureNames, measureCountries, threshold) is { } hit)
                reasons.Add(new("nameMatch", $"Customer name {name} matches {hit.Name} (score {Score(hit.Score)}: {hit.Explanation})"));
        }
        foreach (var o in s.Owners)
        {
            if (BestMatch(new ScreeningQuery(o.Name, ListEntryType.Individual, o.Country), measureNames, measureCountries, threshold) is { } hit)
                reasons.Add(new("ownerNameMatch", $"Beneficial owner {o.Name} matches {hit.Name} (score {Score(hit.Score)}: {hit.Explanation})"));
        }
        return reasons;
    }

    private static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    private static (string Name, double Score, string Explanation)? BestMatch(ScreeningQuery query, List<string> names, IReadOnlyList<string>? countries,
        double threshold)
    {
        (string Name, double Score, string Explanation)? best = null;
        foreach (var name in names)
        {
            var (score, explanation) = NameMatcher.Compare(query, name, candidateCountries: countries);
            if (score >= threshold && (best is null || score > best.Value.Score)) best = (name, score, explanation.Text);
        }
        return best;
    }
}
