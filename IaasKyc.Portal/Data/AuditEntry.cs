namespace IaasKyc.Portal.Data;

/// <summary>
/// One row of the append-only, hash-chained audit trail. Written only by <see cref="AuditInterceptor"/>
/// in the same transaction as the change it records; never updated or deleted by the application.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? SubjectId { get; set; }
    /// <summary>JSON array of [field, old, new]; personal values encrypted with the subject's key, secrets masked.</summary>
    public string ChangesJson { get; set; } = "[]";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The last sequence and hash of the chain, updated with each append, so that entries cut from the end are detected.</summary>
public sealed class AuditHead
{
    public int Id { get; set; } = 1;
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>
/// A data key per data subject (a customer, an owner, a user). Personal values in audit entries are encrypted with it,
/// so that destroying it erases them from the trail while every hash still verifies (api.md, "Audit").
/// </summary>
public sealed class SubjectKey
{
    public string SubjectId { get; set; } = "";
    public byte[]? WrappedKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DestroyedAtUtc { get; set; }
}
