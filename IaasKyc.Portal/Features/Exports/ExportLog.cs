using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Exports;

/// <summary>
/// The one path every export takes (PDF or CSV, from any page): it is itself an audit entry, "export" of what, by whom
/// (the interceptor's actor) and when, written before the file leaves (proposed § 7.302 record keeping: who saw the records).
/// </summary>
public sealed class ExportLog(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const string Action = "export";

    /// <param name="what">The kind of document, as the audit trail's entity type: "CustomerDossier", "CsvExport", "AuditExtract".</param>
    /// <param name="id">Which one: a record id, an export name, a file name.</param>
    public async Task RecordAsync(string what, string id, IEnumerable<FieldChange> details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvent(Action, what, id, [.. details]);
        await db.SaveChangesAsync(ct);
    }
}
