using IaasKyc.Domain;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Portal.Features.Screening;

/// <summary>
/// One import of one list (issue 5, item 1): source, counts, who and when, and whether it is the active snapshot of its
/// source. The files themselves are kept (<see cref="ListSnapshotFile"/>) so the matcher is rebuilt from them at start-up.
/// </summary>
public sealed class ListSnapshot
{
    public Guid Id { get; set; }
    public string Source { get; set; } = "";
    public int Entries { get; set; }
    public int Aliases { get; set; }
    public bool Active { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTime ImportedAtUtc { get; set; }
    public List<ListSnapshotFile> Files { get; set; } = [];
}

/// <summary>A file of a snapshot under its field name (<c>sdn</c>, <c>alt</c>, <c>add</c>, <c>dpl</c>, <c>csl</c>) with its SHA-256.</summary>
public sealed class ListSnapshotFile
{
    public Guid SnapshotId { get; set; }
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public byte[] Content { get; set; } = [];
}

public enum ScreeningSubjectKind { Customer, Owner }

public enum ScreeningTrigger { Submission, ListChange, Manual, OwnershipChange }

/// <summary>
/// One screening of one subject (a customer, or a node of its ownership structure): against which snapshots, with which
/// matcher version and threshold, and how many hits it raised or found already decided. The certificate is printed from it.
/// </summary>
public sealed class ScreeningRun
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public ScreeningSubjectKind SubjectKind { get; set; }
    /// <summary>"customer" for the customer itself, otherwise the ownership node key.</summary>
    public string SubjectKey { get; set; } = "";
    public string SubjectName { get; set; } = "";
    public string? SubjectCountry { get; set; }
    public string SubjectType { get; set; } = "";
    public ScreeningTrigger Trigger { get; set; }
    public DateTime ScreenedAtUtc { get; set; }
    public string ScreenedBy { get; set; } = "";
    /// <summary>JSON list of the snapshots used: id, source, entries, aliases and each file's SHA-256.</summary>
    public string SnapshotsJson { get; set; } = "[]";
    public string MatcherVersion { get; set; } = "";
    public double Threshold { get; set; }
    public int Hits { get; set; }
    public int Suppressed { get; set; }
}

public enum AlertStatus { Open, Proposed, ConfirmedMatch, Cleared }

public enum AlertDecision { Match, NoMatch }

/// <summary>
/// A screening hit opened for review (issue 5, items 3–4): an Officer proposes match or no match with a comment, and an
/// Approver other than the proposer decides. A confirmed match blocks the customer (or flags the owner for the OFAC 50 %
/// rule); a cleared hit is remembered for the (subject, list entry) pair.
/// </summary>
public sealed class ScreeningAlert : IVersioned
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public Guid CustomerId { get; set; }
    public ScreeningSubjectKind SubjectKind { get; set; }
    public string SubjectKey { get; set; } = "";
    public string SubjectName { get; set; } = "";
    public string Source { get; set; } = "";
    public string EntryId { get; set; } = "";
    public string EntryName { get; set; } = "";
    public string EntryType { get; set; } = "";
    public string Programs { get; set; } = "";
    public string MatchedName { get; set; } = "";
    public bool ThroughAlias { get; set; }
    public double Score { get; set; }
    public string Explanation { get; set; } = "";
    public string EntryContentHash { get; set; } = "";
    public AlertStatus Status { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public AlertDecision? Proposed { get; set; }
    public string? ProposedBy { get; set; }
    public DateTime? ProposedAtUtc { get; set; }
    public string? ProposalComment { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionComment { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => Status is AlertStatus.Open or AlertStatus.Proposed;
}

/// <summary>A "no match" decision remembered for a (subject, list entry) pair until the entry changes or it expires (<c>noMatchMemoryDays</c>).</summary>
public sealed class NoMatchMemory
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string SubjectKey { get; set; } = "";
    public string Source { get; set; } = "";
    public string EntryId { get; set; } = "";
    public string EntryContentHash { get; set; } = "";
    public Guid AlertId { get; set; }
    public DateTime DecidedAtUtc { get; set; }
    public DateOnly ExpiresOn { get; set; }
}

public enum BatchState { Queued, Running, Finished, Failed }

/// <summary>A re-screening batch after a snapshot changed: its progress is stored so a page reload shows where it is.</summary>
public sealed class ScreeningBatch
{
    public Guid Id { get; set; }
    public string Reason { get; set; } = "";
    public BatchState State { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public int NewHits { get; set; }
    public DateTime QueuedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string? Error { get; set; }
}

/// <summary>What a run records about each snapshot it used.</summary>
public sealed record SnapshotUsed(Guid Id, string Source, int Entries, int Aliases, DateTime ImportedAtUtc, IReadOnlyList<ListFileDigest> Files);
