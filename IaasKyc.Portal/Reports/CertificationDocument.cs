using System.Globalization;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Features.RulePacks;

namespace IaasKyc.Portal.Reports;

/// <summary>
/// A CIP certification as a PDF (issue 8 item 3; proposed § 7.303): the figures as stored (as signed, once signed), the list of
/// foreign resellers, failed verifications and their resolution, the annual statements, the CIP contact and texts, and the signature.
/// </summary>
public sealed class CertificationDocument(CertificationService certifications, RulePackService rulePacks, PortalTime time, PdfFonts fonts)
{
    public async Task<(byte[] Pdf, string FileName)?> RenderAsync(Guid id, string generatedBy, CancellationToken ct = default)
    {
        if (await certifications.GetAsync(id, ct) is not { } c) return null;
        var pack = await rulePacks.ActiveAsync(ct);
        var f = c.Figures;
        var kind = CertificationText.Kind(c.Kind);

        using var report = new PdfReport(fonts, kind, new ReportFooter(time.UtcNow, generatedBy, pack.Version));
        report.Title($"CIP {kind.ToLowerInvariant()}", $"Figures as of {Day(c.AsOf)} · {(c.State == CertificationState.Signed ? "Signed" : "DRAFT, not signed")}");
        report.KeyValues(
        [
            ("Period", f.PeriodStart is { } p ? $"After {Day(p)} to {Day(c.AsOf)}" : $"Up to {Day(c.AsOf)}"),
            .. c.OffCycleReason is null ? Array.Empty<(string, string)>() : [("What changed", c.OffCycleReason)],
            ("Figures computed", time.Format(f.ComputedAtUtc)),
            ("Prepared by", $"{c.PreparedBy}, {time.Format(c.PreparedAtUtc)}"),
            ("Signed by", c.SignedAtUtc is { } at ? $"{c.SignerName}, {c.SignerTitle} ({c.SignedBy}), {Utc(at)}" : "Not signed"),
        ]);

        report.Heading("Customers, accounts and foreign beneficial owners");
        report.Table([new("Figure", 4), new("Number", 1)],
        [
            ["IaaS customers", Number(f.Customers)],
            ["Open accounts", Number(f.Accounts)],
            ["Foreign beneficial owners", Number(f.ForeignOwners)],
            ["Foreign-customer accounts not verified", Number(f.ForeignAccountsNotVerified)],
        ]);
        var countries = f.CustomersByCountry.Select(x => x.Country).Union(f.AccountsByCountry.Select(x => x.Country))
            .Union(f.ForeignOwnersByCountry.Select(x => x.Country)).Order(StringComparer.Ordinal);
        report.Table([new("Country of address", 2), new("Customers", 1), new("Open accounts", 1), new("Foreign beneficial owners", 1.5)],
            countries.Select(k => (IReadOnlyList<string>)[k.Length == 0 ? "No address" : k, Count(f.CustomersByCountry, k), Count(f.AccountsByCountry, k),
                Count(f.ForeignOwnersByCountry, k)]));

        report.Heading($"Foreign resellers ({f.ForeignResellers.Count})");
        if (f.ForeignResellers.Count == 0) report.Paragraph("No foreign reseller on the day.");
        else
        {
            report.Table([new("Reseller", 3), new("Country", 1), new("Status", 1.3), new("CIP arrangement", 2), new("Since", 1.2), new("Ended", 1.2)],
                f.ForeignResellers.Select(r => (IReadOnlyList<string>)[r.Name, r.Country ?? "—", r.Status, r.Arrangement, Day(r.RelationshipStart),
                    r.EndDate is { } e ? Day(e) : "—"]));
        }

        report.Heading($"Failed identity verifications in the period ({f.FailedVerifications.Count})");
        if (f.FailedVerifications.Count == 0) report.Paragraph("No verification failed in the period.");
        else
        {
            report.Table([new("Customer", 2.5), new("Country", 0.8), new("Refused", 1.8), new("Reason", 2.5), new("Resolution", 2.5)],
                f.FailedVerifications.Select(v => (IReadOnlyList<string>)[v.CustomerName, v.Country ?? "—", time.Format(v.RejectedAtUtc), v.Reason, v.Resolution]));
        }

        if (c.Statements.Count > 0)
        {
            report.Heading("Statements");
            report.Table([new("Statement", 3), new("Checked", 0.8), new("Comment", 3)],
                c.Statements.Select(s => (IReadOnlyList<string>)[s.Text, s.Checked ? "Yes" : "No", s.Comment ?? "—"]));
        }

        report.Heading("The written CIP on the day");
        if (f.Cip is { } cip)
        {
            report.KeyValues(
            [
                ("Version", cip.Version),
                ("CIP contact", $"{cip.ContactName}, {cip.ContactTitle} · {cip.ContactEmail} · {cip.ContactPhone}"),
            ]);
            report.Paragraph("Identity-verification procedures", emphasis: true);
            report.Paragraph(cip.VerificationProcedures);
            report.Paragraph("Resources used to detect malicious cyber activity", emphasis: true);
            report.Paragraph(cip.AbuseDetectionResources);
        }
        else report.Paragraph("No written CIP had been published by that day.");
        return (report.ToPdf(), $"certification-{c.Kind.ToString().ToLowerInvariant()}-{Day(c.AsOf)}.pdf");
    }

    private static string Count(IReadOnlyList<CountryCount> rows, string country) => Number(rows.FirstOrDefault(r => r.Country == country)?.Count ?? 0);

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
