using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Security;

namespace IaasKyc.Portal.Features.Exports;

/// <summary>The customer dossier PDF and the CSV exports (cookie authentication), each naming its policy and each audited through <see cref="ExportLog"/>.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/customers/{customerId:guid}/dossier.pdf", DossierAsync)
            .RequireAuthorization(Policies.CustomersRead)
            .ExcludeFromDescription();
        app.MapGet("/exports/{name}.csv", CsvAsync)
            .RequireAuthorization(Policies.AuditExport)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DossierAsync(Guid customerId, HttpContext http, CustomerDossierDocument document, ExportLog log, CancellationToken ct)
    {
        var dossier = await document.RenderAsync(customerId, http.User.Identity?.Name ?? "unknown", ct);
        if (dossier is null) return TypedResults.Problem(title: "No such customer.", statusCode: StatusCodes.Status404NotFound);
        await log.RecordAsync("CustomerDossier", customerId.ToString(),
        [
            new FieldChange("file", null, dossier.FileName),
            new FieldChange("auditEntries", null, dossier.AuditEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new FieldChange("chain", null, dossier.ChainOk ? "verified" : "broken"),
        ], ct);
        return TypedResults.File(dossier.Pdf, "application/pdf", dossier.FileName);
    }

    /// <summary>Streams the export to the response: the audit entry is written first, so no file leaves unrecorded.</summary>
    private static async Task<IResult> CsvAsync(string name, CsvExports exports, ExportLog log, CancellationToken ct)
    {
        if (CsvExports.Find(name) is not { } kind) return TypedResults.Problem(title: "No such export.", statusCode: StatusCodes.Status404NotFound);
        await log.RecordAsync("CsvExport", kind.Name, [new FieldChange("format", null, "text/csv")], ct);
        return Results.Stream(async body => await exports.WriteAsync(kind.Name, body, ct), "text/csv; charset=utf-8", $"{kind.Name}.csv");
    }
}
