using System.Globalization;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Features.Screening;

namespace IaasKyc.Portal.Reports;

/// <summary>
/// The screening certificate (issue 5, item 6): what was screened and when, against which snapshots (source, SHA-256 of
/// each file, counts), with which matcher version and threshold, and the outcome: each hit with its score, its explanation,
/// and the decisions on it with who made them.
/// </summary>
public sealed class ScreeningCertificateDocument(ScreeningQueries queries, RulePackService rulePacks, PortalTime time, PdfFonts fonts)
{
    internal static readonly ReportColumn[] HitColumns =
    [
        new("List entry", 0.24), new("Score", 0.07, Monospace: true), new("Why", 0.37), new("Decision", 0.32),
    ];

    /// <summary>The PDF and its file name, or null when the screening does not exist.</summary>
    public async Task<(byte[] Pdf, string FileName)?> RenderAsync(Guid runId, string generatedBy, CancellationToken ct = default)
    {
        if (await queries.CertificateAsync(runId, ct) is not { } data) return null;
        var run = data.Run;
        var now = time.UtcNow;
        var pack = await rulePacks.ActiveAsync(ct);

        using var report = new PdfReport(fonts, "Screening certificate", new ReportFooter(now, generatedBy, pack.Version));
        report.Title("Screening certificate", $"Screening {run.Id} · generated {time.Format(now)} by {generatedBy}");
        report.Heading("Subject");
        report.KeyValues(
        [
            ("Name screened", run.SubjectName),
            ("Subject", run.SubjectKind == ScreeningSubjectKind.Customer ? $"The customer ({run.SubjectType})" : $"In the ownership of {data.CustomerName} ({run.SubjectType})"),
            ("Customer", data.CustomerName),
            ("Country", run.SubjectCountry is { } c ? $"{Countries.NameOf(c)} ({c})" : "not given"),
            ("Screened", $"{time.Format(run.ScreenedAtUtc)} ({ScreeningService.Describe(run.Trigger)}, by {run.ScreenedBy})"),
        ]);
        report.Heading("Method");
        report.KeyValues(
        [
            ("Matcher", run.MatcherVersion),
            ("Alert threshold", run.Threshold.ToString("0.00", CultureInfo.InvariantCulture)),
            ("Names compared", "primary names and aliases of every entry; country, date of birth and type can only lower a score"),
        ]);
        report.Heading("Lists used");
        if (run.Snapshots.Count == 0) report.Paragraph("No list snapshot was active.", emphasis: true);
        foreach (var s in run.Snapshots)
        {
            var title = ListSources.TryParse(s.Source, out var source) ? source.Title() : s.Source;
            report.KeyValues(
            [
                ("List", $"{title} (snapshot {s.Id})"),
                ("Imported", time.Format(s.ImportedAtUtc)),
                ("Entries / aliases", $"{s.Entries.ToString("N0", CultureInfo.InvariantCulture)} / {s.Aliases.ToString("N0", CultureInfo.InvariantCulture)}"),
                .. s.Files.Select(f => ($"{f.Name} SHA-256", f.Sha256)),
            ]);
        }
        report.Heading("Result");
        report.Paragraph(run.Hits == 0
            ? "No list entry scored at or above the threshold: no hit."
            : $"{run.Hits} list entr{(run.Hits == 1 ? "y" : "ies")} scored at or above the threshold" +
              (run.Suppressed > 0 ? $"; {run.Suppressed} of them had been cleared as no match before and were not raised again." : "."),
            emphasis: data.Alerts.Any(a => a.Status == AlertStatus.ConfirmedMatch));
        if (data.Alerts.Count > 0) report.Table(HitColumns, data.Alerts.Select(a => HitRow(a, time)));
        return (report.ToPdf(), $"screening-certificate-{run.ScreenedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{run.Id.ToString()[..8]}.pdf");
    }

    /// <summary>A hit as the certificate and the customer dossier show it: the entry, the score, why, and the decisions with who and when.</summary>
    internal static string[] HitRow(ScreeningAlert a, PortalTime time)
    {
        var decision = HitStatusChip.Label(a.Status, a.Proposed);
        if (a.ProposedBy is not null) decision += $"\nproposed by {a.ProposedBy}, {time.Format(a.ProposedAtUtc!.Value)}: {a.ProposalComment}";
        if (a.DecidedBy is not null) decision += $"\n{(a.Status == AlertStatus.Open ? "sent back" : "decided")} by {a.DecidedBy}, {time.Format(a.DecidedAtUtc!.Value)}{(a.DecisionComment is { } c ? ": " + c : "")}";
        return [$"{a.EntryName}\n{a.Source} {a.EntryId}{(a.ThroughAlias ? $"\nalias “{a.MatchedName}”" : "")}", a.Score.ToString("0.000", CultureInfo.InvariantCulture), a.Explanation, decision];
    }
}
