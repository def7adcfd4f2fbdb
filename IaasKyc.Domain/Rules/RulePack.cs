using System.Globalization;

namespace IaasKyc.Domain.Rules;

/// <summary>
/// One version of the rule pack: every number the proposed rule sets, as data, so that a final rule
/// changes parameters, not code. Decisions record the <see cref="Version"/> they were made under.
/// </summary>
public sealed record RulePack(string Version, DateOnly EffectiveFrom, IReadOnlyDictionary<string, string> Parameters)
{
    public const string DefaultVersion = "2024-01-29 NPRM";

    /// <summary>Every parameter with its meaning and default (regulation.md, "Default rule pack").</summary>
    public static readonly IReadOnlyList<RuleParameter> Catalogue =
    [
        new("beneficialOwnershipPercent", "Beneficial ownership threshold, percent (at or above)", "25", RuleParameterKind.Decimal),
        new("blockedOwnershipPercent", "OFAC 50 % rule: blocked owners together at or above, percent", "50", RuleParameterKind.Decimal),
        new("retentionYears", "Record retention after the later of account closure and last access, years", "2", RuleParameterKind.Integer),
        new("aiReportDeadlineDays", "AI-training report deadline, calendar days", "15", RuleParameterKind.Integer),
        new("resellerTerminationDays", "Foreign-reseller termination after non-compliance is known, calendar days", "30", RuleParameterKind.Integer),
        new("cipProductionDays", "Production of CIP copies on request, calendar days", "10", RuleParameterKind.Integer),
        new("specialMeasureLeadDays", "Special measure earliest effect after determination, days", "180", RuleParameterKind.Integer),
        new("specialMeasureDurationDays", "Special measure duration, days", "365", RuleParameterKind.Integer),
        new("aiComputeThresholdOps", "AI training compute threshold, operations (met when strictly greater)", "1e26", RuleParameterKind.Number),
        new("aiBioComputeThresholdOps", "AI training compute threshold, mainly biological sequence data, operations", "1e23", RuleParameterKind.Number),
        new("aiClusterThresholdOpsPerSecond", "AI cluster capacity threshold, operations per second (strictly greater)", "1e20", RuleParameterKind.Number),
        new("aiClusterNetworkGbps", "AI cluster networking threshold, Gbit/s (strictly greater)", "100", RuleParameterKind.Number),
        new("aiEarlyWarningFraction", "A case opens when estimated compute reaches this fraction of the threshold", "0.10", RuleParameterKind.Fraction),
        new("aiDefaultUtilization", "Utilisation assumed when a signal gives none", "0.4", RuleParameterKind.Fraction),
        new("aiModuleEnabled", "AI-training report module on", "true", RuleParameterKind.Boolean),
        new("reverifyYearsHigh", "Re-verification interval, high risk, years", "1", RuleParameterKind.Integer),
        new("reverifyYearsMedium", "Re-verification interval, medium risk, years", "2", RuleParameterKind.Integer),
        new("reverifyYearsLow", "Re-verification interval, low risk, years", "3", RuleParameterKind.Integer),
        new("attestationValidityDays", "A signed reseller attestation stays valid, days", "365", RuleParameterKind.Integer),
        new("attestationReminderDays", "Reminders before an attestation expires, days (comma-separated)", "60, 30, 7", RuleParameterKind.IntegerList),
        new("attestationLinkDays", "A signing link expires after, days", "14", RuleParameterKind.Integer),
        new("noMatchMemoryDays", "A \"no match\" decision is remembered, days", "365", RuleParameterKind.Integer),
        new("dueSoonDays", "A deadline shows \"due soon\" within, days", "3", RuleParameterKind.Integer),
    ];

    public static RulePack Default { get; } = new(
        DefaultVersion, new DateOnly(2024, 1, 29), Catalogue.ToDictionary(p => p.Key, p => p.Default));

    public decimal BeneficialOwnershipPercent => Decimal("beneficialOwnershipPercent");
    public decimal BlockedOwnershipPercent => Decimal("blockedOwnershipPercent");
    public int RetentionYears => Integer("retentionYears");
    public int AiReportDeadlineDays => Integer("aiReportDeadlineDays");
    public int ResellerTerminationDays => Integer("resellerTerminationDays");
    public int CipProductionDays => Integer("cipProductionDays");
    public int SpecialMeasureLeadDays => Integer("specialMeasureLeadDays");
    public int SpecialMeasureDurationDays => Integer("specialMeasureDurationDays");
    public double AiComputeThresholdOps => Number("aiComputeThresholdOps");
    public double AiBioComputeThresholdOps => Number("aiBioComputeThresholdOps");
    public double AiClusterThresholdOpsPerSecond => Number("aiClusterThresholdOpsPerSecond");
    public double AiClusterNetworkGbps => Number("aiClusterNetworkGbps");
    public double AiEarlyWarningFraction => Number("aiEarlyWarningFraction");
    public double AiDefaultUtilization => Number("aiDefaultUtilization");
    public bool AiModuleEnabled => bool.Parse(Raw("aiModuleEnabled"));
    public int ReverifyYearsHigh => Integer("reverifyYearsHigh");
    public int ReverifyYearsMedium => Integer("reverifyYearsMedium");
    public int ReverifyYearsLow => Integer("reverifyYearsLow");
    public int AttestationValidityDays => Integer("attestationValidityDays");
    public IReadOnlyList<int> AttestationReminderDays => IntegerList(Raw("attestationReminderDays"));
    public int AttestationLinkDays => Integer("attestationLinkDays");
    public int NoMatchMemoryDays => Integer("noMatchMemoryDays");
    public int DueSoonDays => Integer("dueSoonDays");

    private string Raw(string key) =>
        Parameters.TryGetValue(key, out var v) ? v : Catalogue.First(p => p.Key == key).Default;

    private int Integer(string key) => int.Parse(Raw(key), NumberStyles.Integer, CultureInfo.InvariantCulture);
    private decimal Decimal(string key) => decimal.Parse(Raw(key), NumberStyles.Number, CultureInfo.InvariantCulture);
    private double Number(string key) => double.Parse(Raw(key), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int[] IntegerList(string raw) =>
        [.. raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))];

    /// <summary>Validates a proposed set of parameter values; each finding names the parameter key.</summary>
    public static IReadOnlyList<Finding> Validate(string version, DateOnly? effectiveFrom, IReadOnlyDictionary<string, string> parameters)
    {
        var findings = new List<Finding>();
        if (string.IsNullOrWhiteSpace(version))
            findings.Add(new("rulePack.versionRequired", "Give the version a name.", "version"));
        else if (version.Length > 100)
            findings.Add(new("rulePack.versionTooLong", "A version name has at most 100 characters.", "version"));
        if (effectiveFrom is null)
            findings.Add(new("rulePack.effectiveFromRequired", "Give the date from which this version is in effect.", "effectiveFrom"));

        foreach (var p in Catalogue)
        {
            if (!parameters.TryGetValue(p.Key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                findings.Add(new("rulePack.parameterRequired", $"Enter a value for {p.Key}.", p.Key));
                continue;
            }
            if (p.Check(raw.Trim()) is { } message)
                findings.Add(new("rulePack.parameterInvalid", message, p.Key));
        }
        foreach (var key in parameters.Keys.Where(k => Catalogue.All(p => p.Key != k)))
            findings.Add(new("rulePack.unknownParameter", $"{key} is not a rule-pack parameter.", key));
        return findings;
    }

    /// <summary>The version in effect on a day: the latest one whose effectiveFrom is on or before it.</summary>
    public static RulePack? ActiveOn(IEnumerable<RulePack> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day)
            .OrderByDescending(v => v.EffectiveFrom)
            .FirstOrDefault();
}

public enum RuleParameterKind { Integer, Decimal, Number, Fraction, Boolean, IntegerList }

public sealed record RuleParameter(string Key, string Meaning, string Default, RuleParameterKind Kind)
{
    /// <summary>Returns a message when <paramref name="raw"/> is not a valid value of this parameter.</summary>
    public string? Check(string raw)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (Kind)
        {
            case RuleParameterKind.Integer:
                return int.TryParse(raw, NumberStyles.Integer, inv, out var i) && i > 0 && i <= 100_000
                    ? null : $"{Key} must be a whole number from 1 to 100000.";
            case RuleParameterKind.Decimal:
                return decimal.TryParse(raw, NumberStyles.Number, inv, out var d) && d > 0 && d <= 100
                    ? null : $"{Key} must be a percentage above 0 and at most 100.";
            case RuleParameterKind.Number:
                return double.TryParse(raw, NumberStyles.Float, inv, out var n) && double.IsFinite(n) && n > 0
                    ? null : $"{Key} must be a positive number (for example 1e26).";
            case RuleParameterKind.Fraction:
                return double.TryParse(raw, NumberStyles.Float, inv, out var f) && f > 0 && f <= 1
                    ? null : $"{Key} must be a fraction above 0 and at most 1.";
            case RuleParameterKind.Boolean:
                return raw is "true" or "false" ? null : $"{Key} must be true or false.";
            case RuleParameterKind.IntegerList:
                var parts = raw.Split(',', StringSplitOptions.TrimEntries);
                return parts.Length > 0 && parts.All(p => int.TryParse(p, NumberStyles.Integer, inv, out var x) && x > 0 && x <= 100_000)
                    ? null : $"{Key} must be whole numbers separated by commas (for example 60, 30, 7).";
            default:
                return null;
        }
    }
}
