using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.Screening;

/// <summary>Whom a special measure names (proposed § 7.305): a foreign jurisdiction or a foreign person.</summary>
public enum MeasureTarget { Jurisdiction, Person }

/// <summary>What a special measure does: prohibit accounts, or allow them only under a condition.</summary>
public enum MeasureAction { Prohibit, Condition }

/// <summary>Where a measure stands on a day, from its dates alone.</summary>
public enum MeasureState { Pending, InEffect, Expired }

/// <summary>A register entry as entered; every field may be missing or wrong.</summary>
public sealed record SpecialMeasureInput(
    MeasureTarget? Target,
    MeasureAction? Action,
    string? Country,
    string? PersonName,
    string? Aliases,
    string? ConditionText,
    DateOnly? DeterminationDate,
    DateOnly? EffectiveDate,
    DateOnly? ExpiryDate,
    string? SourceReference,
    string? Description);

/// <summary>
/// The terms of a measure once its input passed <see cref="SpecialMeasureRules.Parse"/>. <see cref="ExpiryDate"/> is the first day
/// the measure no longer applies: it is in effect from <see cref="EffectiveDate"/> up to the day before.
/// </summary>
public sealed record SpecialMeasureTerms(
    MeasureTarget Target,
    MeasureAction Action,
    string? Country,
    string? PersonName,
    IReadOnlyList<string> Aliases,
    string? ConditionText,
    DateOnly DeterminationDate,
    DateOnly EffectiveDate,
    DateOnly ExpiryDate,
    string SourceReference,
    string? Description)
{
    /// <summary>"Russia" or "Ivan Sergeyevich Petrov (Russia)": what the measure names, for people.</summary>
    public string Subject => Target == MeasureTarget.Jurisdiction
        ? Countries.NameOf(Country)
        : Country is null ? PersonName ?? "" : $"{PersonName} ({Countries.NameOf(Country)})";
}

/// <summary>The input rules of the register and the state of a measure on a day (proposed § 7.305–7.307).</summary>
public static class SpecialMeasureRules
{
    public const int NameMax = 300;
    public const int AliasesMax = 2000;
    public const int ConditionMax = 2000;
    public const int SourceMax = 300;
    public const int DescriptionMax = 2000;

    /// <summary>Codes that are ISO 3166-1 countries but U.S. territories: a measure names a foreign jurisdiction, so these are refused like US.</summary>
    public static readonly IReadOnlySet<string> UnitedStates = new HashSet<string>(StringComparer.Ordinal) { "US", "PR", "GU", "VI", "AS", "MP", "UM" };

    /// <summary>
    /// Checks an entry; each finding names its field. The effective date may not be earlier than the determination plus the
    /// rule pack's <c>specialMeasureLeadDays</c> (the message gives the earliest allowed date); a missing expiry becomes the effective
    /// date plus <c>specialMeasureDurationDays</c>. A determination cannot lie after <paramref name="today"/>.
    /// </summary>
    public static (SpecialMeasureTerms? Value, List<Finding> Findings) Parse(SpecialMeasureInput input, RulePack pack, DateOnly today)
    {
        var f = new List<Finding>();
        if (input.Target is null) f.Add(new("required", "Choose whether the measure names a jurisdiction or a person.", "target"));
        if (input.Action is null) f.Add(new("required", "Choose whether the measure prohibits accounts or sets a condition.", "action"));

        var isPerson = input.Target == MeasureTarget.Person;
        var country = ForeignCountry(input.Country, required: !isPerson, f);
        string? name = null;
        IReadOnlyList<string> aliases = [];
        if (isPerson)
        {
            name = IntakeRules.Text(input.PersonName, "personName", NameMax, f, required: true, "Enter the person's name as the determination gives it.");
            aliases = Aliases(input.Aliases, f);
        }

        string? condition = null;
        if (input.Action == MeasureAction.Condition)
            condition = IntakeRules.Text(input.ConditionText, "conditionText", ConditionMax, f, required: true, "Say what the condition requires of the provider.");

        if (input.DeterminationDate is null)
            f.Add(new("required", "Enter the date of the written determination.", "determinationDate"));
        else if (input.DeterminationDate > today)
            f.Add(new("date.future", "A determination cannot be dated in the future.", "determinationDate"));

        DateOnly? effective = null;
        if (input.EffectiveDate is null)
        {
            f.Add(new("required", input.DeterminationDate is { } d0
                ? $"Enter the effective date: {EarliestEffective(d0, pack):yyyy-MM-dd} at the earliest."
                : "Enter the effective date.", "effectiveDate"));
        }
        else if (input.DeterminationDate is { } d && input.EffectiveDate < EarliestEffective(d, pack))
        {
            // Proposed § 7.306: no earlier than the lead time after the written determination.
            f.Add(new("effectiveDate.tooEarly",
                $"A measure takes effect no earlier than {pack.SpecialMeasureLeadDays} days after the determination: {EarliestEffective(d, pack):yyyy-MM-dd} at the earliest.",
                "effectiveDate"));
        }
        else effective = input.EffectiveDate;

        DateOnly? expiry = null;
        if (effective is { } e)
        {
            expiry = input.ExpiryDate ?? DefaultExpiry(e, pack);
            if (expiry <= e)
            {
                f.Add(new("expiryDate.notAfterEffective", $"The expiry must be after the effective date ({e:yyyy-MM-dd}).", "expiryDate"));
                expiry = null;
            }
        }

        var source = IntakeRules.Text(input.SourceReference, "sourceReference", SourceMax, f, required: true,
            "Cite the determination (for example its Federal Register citation).");
        var description = IntakeRules.Text(input.Description, "description", DescriptionMax, f);

        if (f.Count > 0) return (null, f);
        return (new SpecialMeasureTerms(input.Target!.Value, input.Action!.Value, country, name, aliases, condition,
            input.DeterminationDate!.Value, effective!.Value, expiry!.Value, source!, description), f);
    }

    /// <summary>The earliest effective date a determination allows (proposed § 7.306: 180 days by default).</summary>
    public static DateOnly EarliestEffective(DateOnly determination, RulePack pack) => determination.AddDays(pack.SpecialMeasureLeadDays);

    /// <summary>The expiry when none is given: the measure lasts <c>specialMeasureDurationDays</c> (365 by default) unless extended.</summary>
    public static DateOnly DefaultExpiry(DateOnly effective, RulePack pack) => effective.AddDays(pack.SpecialMeasureDurationDays);

    /// <summary>Pending before the effective date, in effect from it up to the day before the expiry, expired from the expiry on.</summary>
    public static MeasureState StateOn(DateOnly effective, DateOnly expiry, DateOnly day) =>
        day < effective ? MeasureState.Pending : day < expiry ? MeasureState.InEffect : MeasureState.Expired;

    /// <summary>Aliases separated by semicolons or new lines; blanks dropped, duplicates (ignoring case) dropped.</summary>
    public static IReadOnlyList<string> SplitAliases(string? raw) =>
        [.. (raw ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .DistinctBy(a => a.ToUpperInvariant())];

    private static List<string> Aliases(string? raw, List<Finding> f)
    {
        if (IntakeRules.Text(raw, "aliases", AliasesMax, f) is null) return [];
        var aliases = SplitAliases(raw).ToList();
        if (aliases.Any(a => a.Length > NameMax))
        {
            f.Add(new("aliases.tooLong", $"Each alias has at most {NameMax} characters.", "aliases"));
            return [];
        }
        return aliases;
    }

    private static string? ForeignCountry(string? raw, bool required, List<Finding> f)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required) f.Add(new("required", "Choose the foreign jurisdiction (ISO 3166-1 alpha-2 code, for example RU).", "country"));
            return null;
        }
        var code = Countries.Normalize(raw);
        if (code.Length != 2 || !Countries.IsCountry(code))
        {
            f.Add(new("country.unknown", "Use an ISO 3166-1 alpha-2 country code, for example RU or KP.", "country"));
            return null;
        }
        if (UnitedStates.Contains(code))
        {
            f.Add(new("country.notForeign", $"{Countries.NameOf(code)} is not a foreign jurisdiction: a special measure names a foreign one.", "country"));
            return null;
        }
        return code;
    }
}
