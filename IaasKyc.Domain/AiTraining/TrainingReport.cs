using System.Text.Json;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.AiTraining;

/// <summary>
/// What the provider knows of the training run (regulation.md § 6: dates, cluster, estimated compute, intended use, how the
/// provider learned of it): the sections an Officer writes. The compute estimate is recomputed from the accelerator figures,
/// never typed in.
/// </summary>
public sealed record ReportNarrative(
    DateOnly? RunStart = null,
    DateOnly? RunEnd = null,
    string? Cluster = null,
    string? Accelerator = null,
    double? AcceleratorCount = null,
    double? Hours = null,
    double? Utilization = null,
    double? NetworkGbps = null,
    bool BiologicalData = false,
    string? IntendedUse = null,
    string? CyberCapability = null,
    string? HowLearned = null)
{
    public static readonly ReportNarrative Empty = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportNarrative FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? Empty : JsonSerializer.Deserialize<ReportNarrative>(json, Json) ?? Empty;

    /// <summary>Whether the Officer gave the accelerator figures the estimate needs.</summary>
    public bool HasRunFigures => Accelerator is not null || AcceleratorCount is not null || Hours is not null;
}

/// <summary>The rules a draft's narrative follows; each finding names its field.</summary>
public static class ReportRules
{
    public const int MaxText = 4000, MaxCluster = 500;

    /// <summary>Shape checks on every save: lengths, dates in order (the estimate's own checks come from <see cref="ComputeEstimator"/>).</summary>
    public static List<Finding> Validate(ReportNarrative n)
    {
        var f = new List<Finding>();
        Length(n.Cluster, MaxCluster, "cluster", f);
        Length(n.IntendedUse, MaxText, "intendedUse", f);
        Length(n.CyberCapability, MaxText, "cyberCapability", f);
        Length(n.HowLearned, MaxText, "howLearned", f);
        if (n.RunStart is { } s && n.RunEnd is { } e && e < s) f.Add(new("runEnd.order", "The run cannot end before it starts.", "runEnd"));
        return f;
    }

    /// <summary>
    /// A draft is ready only with the sections proposed § 7.308 expects a person to write: the intended use, why the model may
    /// have malicious-cyber capability, and how and when the provider learned of the run.
    /// </summary>
    public static List<Finding> ReadyForApproval(ReportNarrative n)
    {
        var f = Validate(n);
        Required(n.IntendedUse, "intendedUse", "Describe the model's intended use, as far as the provider knows it.", f);
        Required(n.CyberCapability, "cyberCapability", "Say why the model may have malicious-cyber capability.", f);
        Required(n.HowLearned, "howLearned", "Say how and when the provider learned of the training run.", f);
        return f;
    }

    private static void Length(string? value, int max, string field, List<Finding> f)
    {
        if (value is not null && value.Length > max) f.Add(new($"{field}.length", $"Keep this to {max:N0} characters.", field));
    }

    private static void Required(string? value, string field, string message, List<Finding> f)
    {
        if (string.IsNullOrWhiteSpace(value) && !f.Any(x => x.Field == field)) f.Add(new($"{field}.required", message, field));
    }
}

/// <summary>
/// One version of a case's report: the full content as it stood when the draft was marked ready (<see cref="ContentJson"/>),
/// frozen from then on. An Approver other than its author may approve it once; a later change to the draft makes a new version.
/// </summary>
public sealed class ReportVersion
{
    private ReportVersion() { }

    public ReportVersion(Guid id, Guid caseId, int number, string contentJson, string rulePackVersion, string preparedBy, DateTime nowUtc) =>
        (Id, CaseId, Number, ContentJson, RulePackVersion, PreparedBy, PreparedAtUtc) = (id, caseId, number, contentJson, rulePackVersion, preparedBy, nowUtc);

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int Number { get; private set; }
    public string ContentJson { get; private set; } = "";
    public string RulePackVersion { get; private set; } = "";
    public string PreparedBy { get; private set; } = "";
    public DateTime PreparedAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }

    public bool Approved => ApprovedBy is not null;

    internal void Approve(string approver, DateTime nowUtc)
    {
        if (Approved) throw new InvalidStateTransition($"Version {Number} is approved already and frozen.");
        (ApprovedBy, ApprovedAtUtc) = (approver, nowUtc);
    }
}
