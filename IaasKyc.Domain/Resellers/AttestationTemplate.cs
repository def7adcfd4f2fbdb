using System.Text;
using System.Text.Json;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.Resellers;

/// <summary>A flow-down clause every attestation must carry (issue 6 item 2; regulation.md §2).</summary>
public sealed record AttestationClause(string Key, string Title, string Source);

/// <summary>
/// A version of the flow-down attestation text: an introduction and one text per required clause. Numbers of the rule pack are
/// written as placeholders (<c>{retentionYears}</c>) and filled in when an attestation is sent, so that the signed text states the
/// parameters in force. An Approver other than its author approves a version before it can be sent; once sent it is never
/// edited, a change is a new version.
/// </summary>
public sealed class AttestationTemplate : IVersioned
{
    public const int IntroductionMax = 4000, ClauseMax = 4000;

    public static readonly IReadOnlyList<AttestationClause> Clauses =
    [
        new("identification", "Identification of customers and beneficial owners", "proposed § 7.301, § 7.302"),
        new("verification", "Verification of foreign persons", "proposed § 7.302"),
        new("recordKeeping", "Record keeping", "proposed § 7.302 (rule pack retentionYears)"),
        new("aiTrainingReports", "Reporting large-AI-training transactions to the provider", "proposed § 7.308 (rule pack aiReportDeadlineDays)"),
        new("specialMeasures", "Honouring special measures", "proposed § 7.305–7.307"),
        new("cipProduction", "Producing its CIP on request", "proposed § 7.301 (rule pack cipProductionDays)"),
        new("cipChanges", "Notice of material CIP changes", "proposed § 7.301"),
    ];

    /// <summary>The rule-pack parameters a template may cite, as <c>{key}</c>.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
        ["retentionYears", "aiReportDeadlineDays", "cipProductionDays", "resellerTerminationDays", "attestationValidityDays"];

    private AttestationTemplate() { }

    public AttestationTemplate(Guid id, int number, string introduction, IReadOnlyDictionary<string, string> clauses, string by, DateTime nowUtc)
    {
        (Id, Number, CreatedAtUtc) = (id, number, nowUtc);
        Set(introduction, clauses, by, nowUtc);
    }

    public Guid Id { get; private set; }
    public int Number { get; private set; }
    public string Introduction { get; private set; } = "";
    /// <summary>Clause key → text, as JSON.</summary>
    public string ClausesJson { get; private set; } = "{}";
    /// <summary>Who last wrote the text: never the one who approves it.</summary>
    public string DraftedBy { get; private set; } = "";
    public DateTime DraftedAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    /// <summary>Set by the first attestation sent: from then on the text is frozen.</summary>
    public DateTime? FirstSentAtUtc { get; private set; }
    public Guid Version { get; set; }

    public string Label => $"v{Number}";
    public bool IsApproved => ApprovedAtUtc is not null;
    public bool IsSent => FirstSentAtUtc is not null;

    public IReadOnlyDictionary<string, string> ClauseTexts => JsonSerializer.Deserialize<Dictionary<string, string>>(ClausesJson) ?? [];

    /// <summary>Rewrites an unsent version; an approved one needs approving again.</summary>
    public void Edit(string introduction, IReadOnlyDictionary<string, string> clauses, string by, DateTime nowUtc)
    {
        if (IsSent) throw new InvalidStateTransition($"Template {Label} has been sent: it is never edited. Draft a new version instead.");
        Set(introduction, clauses, by, nowUtc);
        (ApprovedBy, ApprovedAtUtc) = (null, null);
    }

    public void Approve(string approver, DateTime nowUtc)
    {
        if (IsApproved) throw new InvalidStateTransition($"Template {Label} is approved already.");
        if (string.Equals(approver, DraftedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation($"You wrote template {Label}: another Approver must approve it.");
        (ApprovedBy, ApprovedAtUtc) = (approver, nowUtc);
    }

    public void MarkSent(DateTime nowUtc)
    {
        if (!IsApproved) throw new InvalidStateTransition($"Template {Label} is not approved: it cannot be sent.");
        FirstSentAtUtc ??= nowUtc;
    }

    /// <summary>The exact text a signatory reads: introduction, then each clause numbered, with the rule pack's numbers filled in.</summary>
    public string Render(RulePack pack)
    {
        var texts = ClauseTexts;
        var b = new StringBuilder();
        b.Append(Fill(Introduction, pack).Trim()).Append("\n\n");
        for (var i = 0; i < Clauses.Count; i++)
            b.Append(i + 1).Append(". ").Append(Clauses[i].Title).Append("\n").Append(Fill(texts.GetValueOrDefault(Clauses[i].Key, ""), pack).Trim()).Append("\n\n");
        return b.ToString().TrimEnd() + "\n";
    }

    /// <summary>Shape rules of a template: an introduction, every required clause written, placeholders known.</summary>
    public static List<Finding> Validate(string? introduction, IReadOnlyDictionary<string, string?> clauses)
    {
        var f = new List<Finding>();
        var intro = IntakeRules.Text(introduction, "introduction", IntroductionMax, f, required: true, "Write the introduction: who attests what, to whom.");
        if (intro is not null) UnknownPlaceholders(intro, "introduction", f);
        foreach (var c in Clauses)
        {
            var field = $"clauses.{c.Key}";
            var text = IntakeRules.Text(clauses.GetValueOrDefault(c.Key), field, ClauseMax, f, required: true, $"Write the clause \"{c.Title}\": every attestation must carry it.");
            if (text is not null) UnknownPlaceholders(text, field, f);
        }
        return f;
    }

    private void Set(string introduction, IReadOnlyDictionary<string, string> clauses, string by, DateTime nowUtc)
    {
        Introduction = introduction;
        ClausesJson = JsonSerializer.Serialize(Clauses.ToDictionary(c => c.Key, c => clauses.GetValueOrDefault(c.Key, "")));
        (DraftedBy, DraftedAtUtc) = (by, nowUtc);
    }

    private static string Fill(string text, RulePack pack)
    {
        foreach (var key in Placeholders)
            text = text.Replace("{" + key + "}", pack.Parameters.TryGetValue(key, out var v) ? v : RulePack.Default.Parameters[key], StringComparison.Ordinal);
        return text;
    }

    private static void UnknownPlaceholders(string text, string field, List<Finding> f)
    {
        var start = 0;
        while ((start = text.IndexOf('{', start)) >= 0)
        {
            var end = text.IndexOf('}', start);
            if (end < 0) break;
            var key = text[(start + 1)..end];
            if (!Placeholders.Contains(key))
            {
                f.Add(new("template.placeholder", $"{{{key}}} is not a rule-pack number a template may cite; use one of {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.", field));
                return;
            }
            start = end + 1;
        }
    }
}
