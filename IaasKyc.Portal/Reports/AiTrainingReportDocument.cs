using System.Globalization;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AiTraining;

namespace IaasKyc.Portal.Reports;

/// <summary>
/// A large-AI-training report version ready to submit (issue 7 item 5; proposed § 7.308): the foreign person's CIP data, the run and
/// its compute arithmetic, the usage signals, the reseller, the provider's CIP contact, the approval and the rule-pack version, all as
/// frozen in the version.
/// </summary>
public sealed class AiTrainingReportDocument(TrainingCaseService cases, PortalTime time, PdfFonts fonts)
{
    /// <summary>The PDF and its file name; null when the case has no such version.</summary>
    public async Task<(byte[] Pdf, string FileName)?> RenderAsync(Guid caseId, int number, string generatedBy, CancellationToken ct = default)
    {
        if (await cases.VersionAsync(caseId, number, ct) is not var (v, c, detail)) return null;
        var n = c.Narrative;
        var status = v.Approved
            ? $"Approved {time.Format(v.ApprovedAtUtc!.Value)} by {v.ApprovedBy}"
            : "NOT APPROVED: a draft for review, not for submission";

        using var report = new PdfReport(fonts, "Report of large-AI-model training", new ReportFooter(time.UtcNow, generatedBy, v.RulePackVersion));
        report.Title("Report of a transaction that could result in training a large AI model",
            $"Proposed 15 CFR § 7.308 · {c.Subject.Name} · version {v.Number}");
        report.KeyValues(
        [
            ("Report version", $"{v.Number}, prepared {time.Format(v.PreparedAtUtc)} by {v.PreparedBy}"),
            ("Approval", status),
            ("Filing", detail.Row.State == CaseState.Filed && detail.Versions.Any(x => x.Number == v.Number && x.Filed)
                ? $"Filed {detail.FiledOn:yyyy-MM-dd}, Department reference {detail.FilingReference}" : "Not filed"),
            ("Rule pack", v.RulePackVersion),
            ("How the provider learned", $"{c.Trigger}, date of knowledge {time.Format(c.KnowledgeAtUtc)}"),
            ("Due", c.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);
        if (c.FollowUpOf is not null) report.Paragraph(c.FollowUpOf, emphasis: true);

        report.Heading("1. The foreign person");
        report.KeyValues(
        [
            ("Name", c.Subject.Name),
            ("Kind", c.Subject.Kind),
            ("Address", string.Join(", ", new[] { c.Subject.Address, c.Subject.Country }.Where(x => !string.IsNullOrWhiteSpace(x)))),
            ("Citizenship or jurisdiction", c.Subject.Citizenship ?? "—"),
            ("E-mail", c.Subject.Email ?? "—"),
            ("Telephone", c.Subject.Phone ?? "—"),
            ("Reported through reseller", c.Reseller ?? "None: a direct customer"),
        ]);
        report.Heading("2. Accounts: means and source of payment");
        report.Table([new("Account", 1.2, true), new("Means", 1.2), new("Identifier (masked)", 1.3, true), new("Issuer country", 1.1), new("Paid by", 1.6), new("Prepaid", 0.6)],
            c.Accounts.Select(a => (IReadOnlyList<string>)[a.Reference, a.Means, a.MaskedIdentifier, a.IssuerCountry, a.PaidBy, a.Prepaid ? "Yes" : "No"]));
        report.Heading("3. IP addresses used");
        if (c.IpAddresses.Count == 0) report.Paragraph("The access records hold no IP address for these accounts.");
        else
            report.Table([new("IP address", 2, true), new("Account", 1.2, true), new("First seen (UTC)", 1.4), new("Last seen (UTC)", 1.4), new("Records", 0.7)],
                c.IpAddresses.Select(i => (IReadOnlyList<string>)[i.Ip, i.Account, Utc(i.FirstSeenUtc), Utc(i.LastSeenUtc), i.Times.ToString(CultureInfo.InvariantCulture)]));
        report.Heading("4. Beneficial owners");
        if (c.BeneficialOwners.Count == 0) report.Paragraph("No beneficial owner is recorded (an individual, or no ownership structure on file).");
        else
            report.Table([new("Name", 2), new("Country", 1.2), new("Effective ownership", 1), new("Why a beneficial owner", 2.5)],
                c.BeneficialOwners.Select(o => (IReadOnlyList<string>)[o.Name, o.Country ?? "—", $"{o.Percent.ToString("0.##", CultureInfo.InvariantCulture)} %", o.Reasons]));

        report.Heading("5. The training run");
        report.KeyValues(
        [
            ("Run dates", $"{Day(n.RunStart)} to {Day(n.RunEnd)}"),
            ("Cluster", n.Cluster ?? "—"),
            ("Accelerators", n.Accelerator is null ? "—" : $"{n.AcceleratorCount?.ToString("#,0", CultureInfo.InvariantCulture) ?? "?"} × {n.Accelerator}"),
            ("Intended use", n.IntendedUse ?? "—"),
            ("Why it may have malicious-cyber capability", n.CyberCapability ?? "—"),
            ("How and when the provider learned of it", n.HowLearned ?? "—"),
        ]);
        report.Heading("6. Estimated compute");
        if (c.EstimatedOperations is { } ops)
        {
            report.Paragraph($"Estimated training compute: {ComputeEstimator.Sci(ops)} operations" +
                (c.ClusterOpsPerSecond is { } cap ? $"; cluster capacity {ComputeEstimator.Sci(cap)} operations per second." : "."), emphasis: true);
            foreach (var line in c.Arithmetic) report.Paragraph(line);
            report.Paragraph(c.ThresholdsMet.Count == 0 ? "No threshold is met." : $"Thresholds met: {string.Join(", ", c.ThresholdsMet)}.");
        }
        else report.Paragraph("The run's accelerator figures are not known: no estimate beyond the usage signals below.");
        if (c.Signals.Count > 0)
        {
            report.Paragraph($"Usage signals ({c.Signals.Count}), cumulative estimate {ComputeEstimator.Sci(c.SignalsTotalOps)} operations:", emphasis: true);
            report.Table([new("Received (UTC)", 1.4), new("Account", 1.1, true), new("Accelerators", 1.1), new("Hours", 0.8), new("Utilisation", 0.8), new("Operations", 1.1)],
                c.Signals.Select(s => (IReadOnlyList<string>)[Utc(s.ReceivedAtUtc), s.Account, $"{s.Count.ToString("#,0", CultureInfo.InvariantCulture)} × {s.Accelerator}",
                    s.Hours.ToString("#,0.###", CultureInfo.InvariantCulture), s.Utilization.ToString("0.###", CultureInfo.InvariantCulture), ComputeEstimator.Sci(s.EstimatedOperations)]));
        }

        report.Heading("7. The provider's CIP contact");
        report.KeyValues(c.CipContact is { } k
            ? [("Name", $"{k.Name}, {k.Title}"), ("E-mail", k.Email), ("Telephone", k.Phone), ("Written CIP", $"version {k.CipVersion}")]
            : [("Contact", "No written CIP is published yet: publish one under Written CIP before filing.")]);
        var slug = new string(c.Subject.Name.Select(ch => char.IsLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
        return (report.ToPdf(), $"ai-training-report-{slug}-v{v.Number}.pdf");
    }

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";
}
