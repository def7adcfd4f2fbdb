using System.Globalization;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Features.RulePacks;

namespace IaasKyc.Portal.Reports;

/// <summary>An ADP exemption application as a PDF (issue 8 item 5; proposed § 7.304): each factor with its figures, narrative and evidence.</summary>
public sealed class AdpApplicationDocument(AdpService applications, RulePackService rulePacks, PortalTime time, PdfFonts fonts)
{
    public async Task<(byte[] Pdf, string FileName)?> RenderAsync(Guid id, string generatedBy, CancellationToken ct = default)
    {
        if (await applications.GetAsync(id, ct) is not { } a) return null;
        var pack = await rulePacks.ActiveAsync(ct);
        using var report = new PdfReport(fonts, "ADP exemption application", new ReportFooter(time.UtcNow, generatedBy, pack.Version));
        report.Title("ADP exemption application", $"Proposed § 7.304 · {(a.State == AdpState.Draft ? "DRAFT, not signed" : a.State.ToString())}");
        report.KeyValues(
        [
            ("Scope asked for", a.Scope),
            ("Figures computed", time.Format(a.Figures.ComputedAtUtc)),
            ("Prepared by", $"{a.PreparedBy}, {time.Format(a.PreparedAtUtc)}"),
            ("Signed by", a.SignedAtUtc is { } at ? $"{a.SignerName}, {a.SignerTitle} ({a.SignedBy}), {at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "Not signed"),
            .. a.GrantedOn is { } g
                ? [("Granted", $"{g.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, decision {a.DecisionReference}"), ("Scope granted", a.GrantedScope ?? ""), ("Duty", AdpText.NotifyDuty)]
                : Array.Empty<(string, string)>(),
        ]);
        foreach (var factor in Enum.GetValues<AdpFactor>())
        {
            report.Heading($"{(int)factor + 1}. {AdpText.Factor(factor)}");
            var figures = AdpText.Figures(factor, a.Figures);
            if (figures.Count > 0)
                report.Table([new("Figure from the data", 4), new("Number", 1)], figures.Select(x => (IReadOnlyList<string>)[x.Label, x.Value.ToString("N0", CultureInfo.InvariantCulture)]));
            report.Paragraph(a.Narratives[factor] ?? "No narrative written.");
            var evidence = a.Evidence.Where(e => e.Factor == factor).ToList();
            if (evidence.Count > 0)
            {
                report.Table([new("Evidence", 2), new("Description", 3), new("SHA-256", 3, Monospace: true)],
                    evidence.Select(e => (IReadOnlyList<string>)[e.FileName, e.Description, e.Sha256]));
            }
        }
        return (report.ToPdf(), $"adp-application-{a.Id.ToString()[..8]}.pdf");
    }
}
