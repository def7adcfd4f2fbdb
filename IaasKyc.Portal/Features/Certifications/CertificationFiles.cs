using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Exports;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Certifications;

/// <summary>Downloads of certifications and ADP applications (mapped in <c>ReportDownloads</c>); every download is an audit entry.</summary>
public static class CertificationFiles
{
    public static Task<IResult> CertificationReportAsync(Guid id, HttpContext http, CertificationDocument document, ExportLog log, CancellationToken ct) =>
        ExportAsync("CertificationReport", id, "No such certification.", by => document.RenderAsync(id, by, ct), http, log, ct);

    public static Task<IResult> AdpReportAsync(Guid id, HttpContext http, AdpApplicationDocument document, ExportLog log, CancellationToken ct) =>
        ExportAsync("AdpApplicationReport", id, "No such application.", by => document.RenderAsync(id, by, ct), http, log, ct);

    /// <summary>A document attached to an ADP application, served from outside the web root as the type its content was checked to be.</summary>
    public static async Task<IResult> AdpEvidenceFileAsync(Guid id, Guid evidenceId, IDbContextFactory<PortalDbContext> dbFactory, UploadStore uploads,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Set<Domain.Certifications.AdpEvidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.ApplicationId == id, ct);
        if (evidence is null) return TypedResults.Problem(title: "No such file.", statusCode: StatusCodes.Status404NotFound);
        db.AuditEvent("download", "AdpEvidenceFile", evidence.Id.ToString(), new FieldChange("application", null, id.ToString()));
        await db.SaveChangesAsync(ct);
        var head = new byte[8];
        int read;
        await using (var start = uploads.Open(evidence.UploadId)) read = await start.ReadAsync(head, ct);
        var type = UploadStore.Sniff(head.AsSpan(0, read)) switch
        {
            UploadKind.Png => "image/png",
            UploadKind.Jpeg => "image/jpeg",
            _ => "application/pdf",
        };
        return TypedResults.Stream(uploads.Open(evidence.UploadId), type, evidence.FileName);
    }

    /// <summary>Renders, then records the export through <see cref="ExportLog"/> (the one path every export takes) before the file leaves.</summary>
    private static async Task<IResult> ExportAsync(string what, Guid id, string missing, Func<string, Task<(byte[] Pdf, string FileName)?>> render,
        HttpContext http, ExportLog log, CancellationToken ct)
    {
        if (await render(http.User.Identity?.Name ?? "unknown") is not { } pdf)
            return TypedResults.Problem(title: missing, statusCode: StatusCodes.Status404NotFound);
        await log.RecordAsync(what, id.ToString(), [new FieldChange("file", null, pdf.FileName)], ct);
        return TypedResults.File(pdf.Pdf, "application/pdf", pdf.FileName);
    }
}
