using IaasKyc.Domain;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Screening;

public sealed record SnapshotView(Guid Id, ListSource Source, int Entries, int Aliases, bool Active, string ImportedBy, DateTime ImportedAtUtc,
    IReadOnlyList<ListFileDigest> Files);

/// <summary>An import's result: the new active snapshot, or the findings (keyed by the file's field name) that refused it whole.</summary>
public sealed record ListImportResult(SnapshotView? Snapshot, IReadOnlyList<Finding> Findings)
{
    public bool Ok => Snapshot is not null;
}

/// <summary>
/// List imports as snapshots (issue 5, item 1; api.md "Lists as files"): a file set is parsed whole; a malformed file is
/// refused with its line and reason and the previous snapshot stays active; an accepted one becomes the source's active
/// snapshot, the matcher is rebuilt, and every subject is screened again in the background.
/// </summary>
public sealed class ListImportService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time,
    ScreeningIndexHolder holder, RescreenQueue rescreen)
{
    /// <summary>Largest file accepted per field (the full SDN is about 2 MB, the full CSL about 30 MB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Parses, stores and activates. <paramref name="progress"/> receives 0..1 (parsing is most of the work).</summary>
    public async Task<ListImportResult> ImportAsync(ListSource source, IReadOnlyDictionary<string, byte[]> files, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        var unexpected = files.Keys.Except(source.FileNames(), StringComparer.Ordinal).ToList();
        if (unexpected.Count > 0)
        {
            return Refused(new Finding("list.unexpectedFile",
                $"A {source.Title()} import takes the files {string.Join(", ", source.FileNames())}; {string.Join(", ", unexpected)} is not one of them.", unexpected[0]));
        }
        foreach (var name in source.FileNames())
        {
            if (!files.TryGetValue(name, out var bytes) || bytes.Length == 0)
                return Refused(new Finding("list.fileRequired", $"Attach the {name} file.", name));
            if (bytes.Length > MaxFileBytes)
                return Refused(new Finding("list.tooLarge", $"The {name} file is larger than {MaxFileBytes / 1024 / 1024} MB.", name));
        }

        var parseProgress = progress is null ? null : new Progress<double>(p => progress.Report(p * 0.8));
        var parsed = await Task.Run(() => ListImporter.Parse(source, files, parseProgress), ct);
        if (parsed.List is not { } list)
        {
            var e = parsed.Error!;
            return Refused(new Finding("list.malformed", e.Line > 0 ? $"Line {e.Line}: {e.Reason}" : e.Reason, e.File));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = new ListSnapshot
        {
            Id = Guid.NewGuid(),
            Source = source.Code(),
            Entries = list.EntryCount,
            Aliases = list.AliasCount,
            Active = true,
            ImportedBy = await actor.NameAsync(),
            ImportedAtUtc = time.UtcNow,
        };
        foreach (var digest in list.Files)
        {
            var bytes = files[digest.Name];
            snapshot.Files.Add(new ListSnapshotFile { SnapshotId = snapshot.Id, Name = digest.Name, Sha256 = digest.Sha256, Length = bytes.Length, Content = bytes });
        }
        foreach (var previous in await db.ListSnapshots.Where(s => s.Source == snapshot.Source && s.Active).ToListAsync(ct)) previous.Active = false;
        db.ListSnapshots.Add(snapshot);
        // One audit entry for the files (api.md: a bulk operation is audited with its count and the SHA-256 of its payload).
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", list.Files.Select(f => $"{f.Name} {f.Sha256}")));
        db.AuditBulk<ListSnapshotFile>("import", "ListSnapshot", snapshot.Id.ToString(), null, list.EntryCount, payload);
        await db.SaveChangesAsync(ct);
        progress?.Report(0.9);

        var used = ScreeningIndexHolder.Describe(snapshot);
        await holder.ReplaceAsync(source, used, list.Entries, ct);
        await rescreen.EnqueueAsync($"New {source.Title()} snapshot ({list.EntryCount:N0} entries) imported by {snapshot.ImportedBy}", ct);
        progress?.Report(1);
        return new ListImportResult(View(snapshot), []);
    }

    /// <summary>The active snapshot of each source, by source.</summary>
    public async Task<IReadOnlyList<SnapshotView>> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await SnapshotsWithDigests(db).Where(s => s.Active).ToListAsync(ct);
        return [.. rows.Select(View).OrderBy(s => s.Source)];
    }

    /// <summary>Every import, newest first.</summary>
    public async Task<IReadOnlyList<SnapshotView>> HistoryAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await SnapshotsWithDigests(db).OrderByDescending(s => s.ImportedAtUtc).Take(take).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <summary>Snapshots with their files' names and digests, never their content.</summary>
    private static IQueryable<ListSnapshot> SnapshotsWithDigests(PortalDbContext db) => db.ListSnapshots.AsNoTracking()
        .Select(s => new ListSnapshot
        {
            Id = s.Id,
            Source = s.Source,
            Entries = s.Entries,
            Aliases = s.Aliases,
            Active = s.Active,
            ImportedBy = s.ImportedBy,
            ImportedAtUtc = s.ImportedAtUtc,
            Files = s.Files.Select(f => new ListSnapshotFile { SnapshotId = f.SnapshotId, Name = f.Name, Sha256 = f.Sha256, Length = f.Length }).ToList(),
        });

    private static SnapshotView View(ListSnapshot s)
    {
        ListSources.TryParse(s.Source, out var source);
        return new SnapshotView(s.Id, source, s.Entries, s.Aliases, s.Active, s.ImportedBy, s.ImportedAtUtc,
            [.. s.Files.OrderBy(f => f.Name).Select(f => new ListFileDigest(f.Name, f.Sha256))]);
    }

    private static ListImportResult Refused(Finding finding) => new(null, [finding]);
}
