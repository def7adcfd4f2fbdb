using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Resellers;

/// <summary>Downloads of the reseller feature (mapped in <c>ReportDownloads</c>, each naming its policy).</summary>
public static class ResellerFiles
{
    /// <summary>A version of a reseller's written CIP, served from outside the web root; the download is audited.</summary>
    public static async Task<IResult> CipFileAsync(Guid resellerId, Guid fileId, IDbContextFactory<PortalDbContext> dbFactory, UploadStore uploads,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Set<IaasKyc.Domain.Resellers.ResellerCipFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.ResellerId == resellerId, ct);
        if (file is null) return TypedResults.Problem(title: "No such file.", statusCode: StatusCodes.Status404NotFound);
        db.AuditEvent("download", "ResellerCipFile", file.Id.ToString(), new FieldChange("reseller", null, resellerId.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Stream(uploads.Open(file.UploadId), "application/pdf", file.FileName);
    }

    /// <summary>A document produced for a CIP production request; the download is audited.</summary>
    public static async Task<IResult> ProductionDocumentAsync(Guid requestId, Guid documentId, IDbContextFactory<PortalDbContext> dbFactory, UploadStore uploads,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var doc = await db.Set<IaasKyc.Domain.Resellers.CipProductionDocument>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.RequestId == requestId, ct);
        if (doc is null) return TypedResults.Problem(title: "No such file.", statusCode: StatusCodes.Status404NotFound);
        db.AuditEvent("download", "CipProductionDocument", doc.Id.ToString(), new FieldChange("request", null, requestId.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Stream(uploads.Open(doc.UploadId), "application/pdf", doc.FileName);
    }
}
