namespace IaasKyc.Domain.Audit;

/// <summary>One change to one field as the audit trail keeps it (values already masked or encrypted).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>The hashed content of an audit entry. The hash covers every field, so any edit is detected.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTime AtUtc,
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? SubjectId,
    IReadOnlyList<FieldChange> Changes,
    string PreviousHash,
    string Hash);
