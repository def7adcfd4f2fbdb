using System.Globalization;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Features.RulePacks;

namespace IaasKyc.Portal.Reports;

/// <summary>
/// The certificate of a signed flow-down attestation (issue 6 item 7): the reseller, the template version and its full text as signed,
/// the signatory, the time, the IP address and the SHA-256 of the text, so that anyone can check the text against the hash.
/// </summary>
public sealed class AttestationCertificateDocument(AttestationService attestations, RulePackService rulePacks, PortalTime time, PdfFonts fonts)
{
    /// <summary>The PDF and its file name; null when there is no such signed attestation of that reseller.</summary>
    public async Task<(byte[] Pdf, string FileName)?> RenderAsync(Guid resellerId, Guid attestationId, string generatedBy, CancellationToken ct = default)
    {
        var c = await attestations.CertificateAsync(resellerId, attestationId, ct);
        if (c is null) return null;
        var now = time.UtcNow;
        var pack = await rulePacks.ActiveAsync(ct);
        var signedAt = c.SignedAtUtc;

        using var report = new PdfReport(fonts, "Signed flow-down attestation", new ReportFooter(now, generatedBy, pack.Version));
        report.Title("Signed flow-down attestation", $"{c.ResellerName} · template v{c.TemplateNumber}");
        report.KeyValues(
        [
            ("Reseller", $"{c.ResellerName} ({c.Country ?? "—"})"),
            ("Template version", $"v{c.TemplateNumber} (rule pack {c.RulePackVersion} when sent)"),
            ("Sent", $"{time.Format(c.SentAtUtc)} by {c.SentBy}{(c.SentTo is null ? "" : $" to {c.SentTo}")}"),
            ("Signed by", $"{c.SignerName}, {c.SignerTitle}"),
            ("Signatory's e-mail", c.SignerEmail),
            ("Signed at", $"{signedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({time.Format(signedAt)})"),
            ("Signed from IP address", c.SignerIp),
            ("Authorised to sign", "Confirmed by the signatory"),
            ("Valid until", c.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("SHA-256 of the text", c.TextSha256),
        ]);
        report.Heading("Text signed");
        report.Paragraph(c.Text);
        report.Paragraph("The SHA-256 above is computed over this text encoded in UTF-8, exactly as it was shown to the signatory.", emphasis: true);
        return (report.ToPdf(), $"attestation-{c.ResellerName.Replace(' ', '-')}-v{c.TemplateNumber}-{signedAt:yyyyMMdd}.pdf");
    }
}
