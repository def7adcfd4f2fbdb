using IaasKyc.Domain.Rules;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Domain.Customers;

/// <summary>One explainable contribution to a customer's risk.</summary>
public sealed record RiskFactor(string Code, string Description, int Points);

public sealed record RiskAssessment(RiskLevel Level, int Score, IReadOnlyList<RiskFactor> Factors);

/// <summary>What the risk rating looks at, gathered by the service from the customer and its surroundings.</summary>
public sealed record RiskInput(
    bool? UsPerson,
    string? CitizenshipOrJurisdiction,
    string? AddressCountry,
    string? PhoneCountry,
    IReadOnlyList<RiskAccount> Accounts,
    bool ViaReseller = false,
    bool UsesAdvancedCompute = false,
    int OpenScreeningHits = 0,
    bool ConfirmedSanctionsMatch = false,
    IReadOnlyList<MeasureEffect>? SpecialMeasures = null);

public sealed record RiskAccount(PaymentMeansType Means, bool Prepaid, string IssuerCountry, PaymentSource Source);

/// <summary>
/// The risk rating (proposed § 7.302: a risk-based CIP), from explainable factors. Foreign-adversary jurisdictions
/// (15 CFR 791.4) and special measures (proposed § 7.305–7.307) weigh most; an effective prohibition or a confirmed
/// sanctions match makes the customer Prohibited whatever else.
/// </summary>
public static class RiskPolicy
{
    public const int MediumFrom = 20;
    public const int HighFrom = 45;

    public static RiskAssessment Evaluate(RiskInput input)
    {
        var factors = new List<RiskFactor>();
        if (input.UsPerson == false) factors.Add(new("foreignPerson", "Foreign person: identity must be verified", 10));

        // Each place the customer is tied to, weighted by how strongly it ties the customer there.
        var places = new List<(string? Code, string What, int Adversary)>
        {
            (input.CitizenshipOrJurisdiction is { } j ? Countries.CountryOf(j) : null, "Citizenship or jurisdiction", 40),
            (input.AddressCountry, "Address", 30),
            (input.PhoneCountry, "Phone number", 15),
        };
        places.AddRange(input.Accounts.Select(a => ((string?)a.IssuerCountry, "Payment issuer", 25)).DistinctBy(p => p.Item1));

        var prohibition = false;
        // Proposed § 7.305–7.307: a prohibition in effect makes the customer Prohibited; a condition raises it to high at least.
        foreach (var m in input.SpecialMeasures ?? [])
        {
            if (m.Action == MeasureAction.Prohibit)
            {
                prohibition = true;
                factors.Add(new("specialMeasureProhibition", $"Special measure {m.Reference} prohibits accounts for {m.Subject}: {m.Why}", 100));
            }
            else
            {
                factors.Add(new("specialMeasureCondition", $"Special measure {m.Reference} sets a condition for {m.Subject} ({m.Why}): {m.ConditionText}", HighFrom));
            }
        }
        foreach (var (code, what, adversary) in places)
        {
            if (code is null) continue;
            var name = Countries.NameOf(code);
            if (Countries.ForeignAdversaries.Contains(code))
                factors.Add(new("foreignAdversary", $"{what} in {name}, a foreign adversary (15 CFR 791.4)", adversary));
        }

        if (input.Accounts.Any(a => a.Means == PaymentMeansType.VirtualCurrencyWallet))
            factors.Add(new("virtualCurrency", "Pays from a virtual-currency wallet", 25));
        if (input.Accounts.Any(a => a.Prepaid))
            factors.Add(new("prepaid", "Pays with a prepaid instrument", 20));
        if (input.Accounts.Any(a => a.Source == PaymentSource.ThirdParty))
            factors.Add(new("thirdPartyPayer", "A third party pays for an account", 15));
        else if (input.Accounts.Any(a => a.Source == PaymentSource.ParentCompany))
            factors.Add(new("parentPayer", "A parent company pays for an account", 5));
        if (input.ViaReseller) factors.Add(new("resellerChannel", "Comes through a foreign reseller", 10));
        if (input.UsesAdvancedCompute) factors.Add(new("advancedCompute", "Uses products built on export-controlled advanced computing items (GPU clusters)", 15));
        if (input.OpenScreeningHits > 0)
            factors.Add(new("screeningHits", $"{input.OpenScreeningHits} unresolved screening hit(s)", Math.Min(60, 30 * input.OpenScreeningHits)));
        if (input.ConfirmedSanctionsMatch)
        {
            prohibition = true;
            factors.Add(new("sanctionsMatch", "Confirmed sanctions-list match", 100));
        }

        var score = factors.Sum(f => f.Points);
        return new RiskAssessment(LevelOf(score, prohibition), score, factors);
    }

    /// <summary>The level a score falls in: medium from <see cref="MediumFrom"/>, high from <see cref="HighFrom"/>; a prohibition overrides.</summary>
    public static RiskLevel LevelOf(int score, bool prohibition = false) =>
        prohibition ? RiskLevel.Prohibited : score >= HighFrom ? RiskLevel.High : score >= MediumFrom ? RiskLevel.Medium : RiskLevel.Low;

    /// <summary>Re-verification falls due by risk (rule pack: high 1 year, medium 2, low 3).</summary>
    public static DateOnly ReverifyDue(DateOnly verifiedOn, RiskLevel level, RulePack pack) => level switch
    {
        RiskLevel.High or RiskLevel.Prohibited => verifiedOn.AddYears(pack.ReverifyYearsHigh),
        RiskLevel.Medium => verifiedOn.AddYears(pack.ReverifyYearsMedium),
        _ => verifiedOn.AddYears(pack.ReverifyYearsLow),
    };
}

/// <summary>
/// The provisioning gate, in api.md's order: blocked on a confirmed sanctions match or an effective prohibition;
/// allowed if verified, or if the customer and all beneficial owners are U.S. persons and the record is submitted or verified;
/// restricted if restricted; otherwise blocked.
/// </summary>
public static class ProvisioningPolicy
{
    public static Provisioning Evaluate(CustomerStatus status, bool? usPerson, bool allOwnersUsPersons, bool confirmedSanctionsMatch, bool effectiveProhibition)
    {
        if (confirmedSanctionsMatch || effectiveProhibition) return Provisioning.Blocked;
        if (status == CustomerStatus.Verified) return Provisioning.Allowed;
        if (usPerson == true && allOwnersUsPersons && status is CustomerStatus.Submitted or CustomerStatus.Verified) return Provisioning.Allowed;
        if (status == CustomerStatus.Restricted) return Provisioning.Restricted;
        return Provisioning.Blocked;
    }
}

/// <summary>What must hold before a customer can be submitted, and before it can be verified.</summary>
public static class CustomerPolicy
{
    public static List<Finding> CanSubmit(Customer c, bool allOwnersUsPersons = true)
    {
        var f = new List<Finding>();
        if (c.Country is null || c.Email is null || c.Phone is null) f.Add(new("submit.contact", "Complete the address and contact step.", "contact"));
        if (c.CitizenshipOrJurisdiction is null) f.Add(new("submit.identity", "Complete the identity step.", "identity"));
        if (c.UsPerson is null) f.Add(new("submit.determination", "Record the U.S./foreign determination with its basis.", "determination.usPerson"));
        if (c.NoticeGivenOn is null) f.Add(new("submit.notice", "Record when the customer received the notice that its information may be disclosed to the government.", "determination.noticeGivenOn"));
        if (c.Accounts.Count == 0) f.Add(new("submit.accounts", "Add at least one account with its means and source of payment.", "accounts"));
        // Proposed § 7.302: foreign customers are verified; a U.S. customer whose owners are all U.S. persons needs no verification.
        var ownEvidence = c.Evidence.Count(e => e.OwnerKey is null);
        if (c.UsPerson == false && ownEvidence == 0)
            f.Add(new("submit.evidence", "A foreign customer needs at least one piece of verification evidence before submission.", "evidence"));
        if (c.UsPerson == true && !allOwnersUsPersons && ownEvidence == 0)
            f.Add(new("submit.evidence", "A beneficial owner is foreign: add verification evidence before submission.", "evidence"));
        return f;
    }

    public static List<Finding> CanVerify(Customer c, int openScreeningHits = 0, int unverifiedForeignOwners = 0,
        IReadOnlyList<MeasureEffect>? specialMeasures = null)
    {
        var f = new List<Finding>();
        if (c.Discrepancies.Any(d => d.Resolution is null))
            f.Add(new("verify.discrepancy", "Resolve every discrepancy before verifying.", "discrepancies"));
        if (openScreeningHits > 0)
            f.Add(new("verify.screening", "A screening hit is open: review it before verifying.", "screening"));
        if (unverifiedForeignOwners > 0)
            f.Add(new("verify.owners", $"{unverifiedForeignOwners} foreign beneficial owner(s) not yet verified.", "owners"));
        var measureBlockers = SpecialMeasureImpact.VerifyBlockers(specialMeasures ?? []).ToList();
        f.AddRange(measureBlockers);
        if (c.ComputedRisk == RiskLevel.Prohibited && measureBlockers.Count == 0)
            f.Add(new("verify.prohibited", "A special-measure prohibition or a confirmed sanctions match applies: this customer cannot be verified.", "risk"));
        return f;
    }
}
