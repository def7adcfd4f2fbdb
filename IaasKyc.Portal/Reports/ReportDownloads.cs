using System.Globalization;
using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.Exports;
using IaasKyc.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Reports;

/// <summary>The PDF downloads of the signed-in portal (cookie authentication), each naming its policy.</summary>
public static class ReportDownloads
{
    public static IEndpointRouteBuilder MapPortalDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/extract.pdf", AuditExtractAsync)
            .RequireAuthorization(Policies.AuditExport)
            .ExcludeFromDescription();
        app.MapGet("/customers/{customerId:guid}/evidence/{evidenceId:guid}/file", EvidenceFileAsync)
            .RequireAuthorization(Policies.CustomersRead)
            .ExcludeFromDescription();
        app.MapGet("/screening/runs/{runId:guid}/certificate.pdf", ScreeningCertificateAsync)
            .RequireAuthorization(Policies.ScreeningRead)
            .ExcludeFromDescription();
        app.MapGet("/resellers/{resellerId:guid}/cip/{fileId:guid}/file", Features.Resellers.ResellerFiles.CipFileAsync)
            .RequireAuthorization(Policies.ResellersRead)
            .ExcludeFromDescription();
        app.MapGet("/resellers/{resellerId:guid}/attestations/{attestationId:guid}/certificate.pdf", AttestationCertificateAsync)
            .RequireAuthorization(Policies.ResellersRead)
            .ExcludeFromDescription();
        app.MapGet("/resellers/cip-requests/{requestId:guid}/documents/{documentId:guid}/file", Features.Resellers.ResellerFiles.ProductionDocumentAsync)
            .RequireAuthorization(Policies.ResellersRead)
            .ExcludeFromDescription();
        app.MapGet("/ai-training/cases/{caseId:guid}/versions/{number:int}/report.pdf", AiTrainingReportAsync)
            .RequireAuthorization(Policies.AiRead)
            .ExcludeFromDescription();
        app.MapGet("/certifications/{id:guid}/report.pdf", Features.Certifications.CertificationFiles.CertificationReportAsync)
            .RequireAuthorization(Policies.CertificationsExport)
            .ExcludeFromDescription();
        app.MapGet("/adp/{id:guid}/report.pdf", Features.Certifications.CertificationFiles.AdpReportAsync)
            .RequireAuthorization(Policies.CertificationsExport)
            .ExcludeFromDescription();
        app.MapGet("/adp/{id:guid}/evidence/{evidenceId:guid}/file", Features.Certifications.CertificationFiles.AdpEvidenceFileAsync)
            .RequireAuthorization(Policies.CertificationsRead)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A version of a large-AI-training report (proposed § 7.308); the export is part of the trail.</summary>
    private static async Task<IResult> AiTrainingReportAsync(Guid caseId, int number, HttpContext http, AiTrainingReportDocument document,
        IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct)
    {
        if (await document.RenderAsync(caseId, number, http.User.Identity?.Name ?? "unknown", ct) is not { } pdf)
            return TypedResults.Problem(title: "No such report version.", statusCode: StatusCodes.Status404NotFound);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.AuditEvent("export", "AiTrainingReport", caseId.ToString(), new FieldChange("version", null, number.ToString(CultureInfo.InvariantCulture)));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.File(pdf.Pdf, "application/pdf", pdf.FileName);
    }

    private static async Task<IResult> ScreeningCertificateAsync(Guid runId, HttpContext http, ScreeningCertificateDocument document,
        ExportLog log, CancellationToken ct)
    {
        if (await document.RenderAsync(runId, http.User.Identity?.Name ?? "unknown", ct) is not { } pdf)
            return TypedResults.Problem(title: "No such screening.", statusCode: StatusCodes.Status404NotFound);
        await log.RecordAsync("ScreeningCertificate", runId.ToString(), [], ct);
        return TypedResults.File(pdf.Pdf, "application/pdf", pdf.FileName);
    }

    /// <summary>An uploaded evidence document, served from outside the web root with the type its content was checked to be.</summary>
    private static async Task<IResult> EvidenceFileAsync(Guid customerId, Guid evidenceId, IDbContextFactory<PortalDbContext> dbFactory,
        Storage.UploadStore uploads, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.CustomerId == customerId, ct);
        if (evidence?.UploadId is null) return TypedResults.Problem(title: "No such file.", statusCode: StatusCodes.Status404NotFound);
        db.AuditEvent("download", "EvidenceFile", evidence.Id.ToString(), new FieldChange("customer", null, customerId.ToString()));
        await db.SaveChangesAsync(ct);
        await using var head = uploads.Open(evidence.UploadId);
        var buffer = new byte[8];
        var read = await head.ReadAsync(buffer, ct);
        var contentType = Storage.UploadStore.Sniff(buffer.AsSpan(0, read)) switch
        {
            Storage.UploadKind.Pdf => "application/pdf",
            Storage.UploadKind.Png => "image/png",
            Storage.UploadKind.Jpeg => "image/jpeg",
            _ => "application/octet-stream",
        };
        return TypedResults.Stream(uploads.Open(evidence.UploadId), contentType, evidence.FileName ?? "evidence");
    }

    private static async Task<IResult> AuditExtractAsync(string? actor, string? entityType, string? entityId, string? action,
        string? from, string? to, HttpContext http, AuditExtractDocument document, ExportLog log, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDay = ParseDay(from, nameof(from), errors);
        var toDay = ParseDay(to, nameof(to), errors);
        if (errors.Count == 0 && fromDay > toDay) errors[nameof(to)] = ["The end date is before the start date."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The audit extract filter is not valid.");

        var filter = new AuditFilter(Blank(actor), Blank(entityType), Blank(entityId), Blank(action), fromDay, toDay);
        var extract = await document.RenderAsync(filter, http.User.Identity?.Name ?? "unknown", ct);

        // The export itself is part of the trail (proposed § 7.302 record keeping).
        await log.RecordAsync("AuditExtract", extract.FileName,
        [
            new FieldChange("filter", null, extract.Filter),
            new FieldChange("entries", null, extract.Entries.ToString(CultureInfo.InvariantCulture)),
        ], ct);
        return TypedResults.File(extract.Pdf, "application/pdf", extract.FileName);
    }

    /// <summary>The certificate of a signed flow-down attestation; the export is part of the trail.</summary>
    private static async Task<IResult> AttestationCertificateAsync(Guid resellerId, Guid attestationId, HttpContext http,
        AttestationCertificateDocument document, ExportLog log, CancellationToken ct)
    {
        var rendered = await document.RenderAsync(resellerId, attestationId, http.User.Identity?.Name ?? "unknown", ct);
        if (rendered is not { } pdf) return TypedResults.Problem(title: "No such signed attestation.", statusCode: StatusCodes.Status404NotFound);
        await log.RecordAsync("AttestationCertificate", attestationId.ToString(), [new FieldChange("reseller", null, resellerId.ToString())], ct);
        return TypedResults.File(pdf.Pdf, "application/pdf", pdf.FileName);
    }

    private static DateOnly? ParseDay(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors[name] = [$"{name} must be a date as yyyy-MM-dd."];
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
