using System.Globalization;
using IaasKyc.Domain.Audit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.RulePacks;

namespace IaasKyc.Portal.Reports;

/// <summary>A rendered extract: the PDF, how many entries it shows and how the filter reads, for the export's own audit entry.</summary>
public sealed record AuditExtract(byte[] Pdf, int Entries, int Matching, string Filter, DateTime GeneratedAtUtc)
{
    public string FileName => $"audit-extract-{GeneratedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.pdf";
}

/// <summary>The audit trail extract for an auditor: the filter, the chain verification and the matching entries in chain order.</summary>
public sealed class AuditExtractDocument(AuditService audit, RulePackService rulePacks, PortalTime time, PdfFonts fonts)
{
    public const int MaxEntries = 5000;

    internal static readonly ReportColumn[] Columns =
    [
        new("Seq.", 0.06), new("Time", 0.12), new("Actor", 0.13), new("Action", 0.07),
        new("Entity", 0.15), new("Changes", 0.37), new("Hash", 0.10, Monospace: true),
    ];

    public async Task<AuditExtract> RenderAsync(AuditFilter filter, string generatedBy, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var matching = await audit.CountAsync(filter, ct);
        var rows = await audit.ExtractAsync(filter, MaxEntries, ct);
        var chain = await audit.VerifyAsync(ct: ct);
        var pack = await rulePacks.ActiveAsync(ct);
        var description = Describe(filter);

        using var report = new PdfReport(fonts, "Audit trail extract", new ReportFooter(now, generatedBy, pack.Version), landscape: true);
        report.Title("Audit trail extract", $"Generated {time.Format(now)} by {generatedBy}");
        report.Heading("Filter");
        report.KeyValues(
        [
            ("Actor contains", filter.Actor ?? "any"),
            ("Entity type", filter.EntityType ?? "any"),
            ("Entity id", filter.EntityId ?? "any"),
            ("Action", filter.Action ?? "any"),
            ("Date range", filter.From is null && filter.To is null ? "any" : $"{DateRange(filter)} ({time.Zone.Id} calendar days)"),
            ("Matching entries", matching.ToString("N0", CultureInfo.InvariantCulture)),
        ]);
        report.Heading("Chain verification");
        report.Paragraph(Describe(chain), emphasis: !chain.Ok);
        report.Heading("Entries");
        if (matching > rows.Count)
            report.Paragraph($"The filter matches {matching:N0} entries; this extract shows the first {rows.Count:N0} in chain order. Narrow the filter to see the rest.", emphasis: true);
        if (rows.Count == 0) report.Paragraph("No entry matches the filter.");
        else report.Table(Columns, rows.Select(r => Row(r, time)));

        return new AuditExtract(report.ToPdf(), rows.Count, matching, description, now);
    }

    /// <summary>The filter in one line, as recorded in the export's audit entry.</summary>
    public static string Describe(AuditFilter filter)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Actor)) parts.Add($"actor contains \"{filter.Actor.Trim()}\"");
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) parts.Add($"entity type {filter.EntityType}");
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) parts.Add($"entity id {filter.EntityId.Trim()}");
        if (!string.IsNullOrWhiteSpace(filter.Action)) parts.Add($"action {filter.Action}");
        if (filter.From is not null || filter.To is not null) parts.Add(DateRange(filter));
        return parts.Count == 0 ? "all entries" : string.Join("; ", parts);
    }

    /// <summary>The chain verification result as every document states it.</summary>
    public static string Describe(ChainVerification chain) => chain.Ok
        ? $"Chain verified: OK, {chain.Entries:N0} entries link by hash from the first entry to the recorded head."
        : $"Chain BROKEN at sequence {chain.FirstBrokenSequence:N0}: {chain.Entries:N0} entries verified before it; entries from there on cannot be relied on.";

    private static string DateRange(AuditFilter filter) => (filter.From, filter.To) switch
    {
        (null, null) => "any",
        ({ } from, null) => $"from {Day(from)}",
        (null, { } to) => $"to {Day(to)}",
        ({ } from, { } to) => $"from {Day(from)} to {Day(to)}",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An audit entry as the extract and the customer dossier show it.</summary>
    internal static string[] Row(AuditRow r, PortalTime time) =>
    [
        r.Sequence.ToString(CultureInfo.InvariantCulture), time.Format(r.AtUtc), r.Actor, r.Action, $"{r.EntityType}\n{r.EntityId}",
        string.Join('\n', r.Changes.Select(Change)), r.Hash.Length > 12 ? r.Hash[..12] : r.Hash,
    ];

    private static string Change(FieldChange c) => $"{c.Field}: {c.Old ?? "–"} → {c.New ?? "–"}";
}
