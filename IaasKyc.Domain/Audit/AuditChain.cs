using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace IaasKyc.Domain.Audit;

/// <summary>
/// The append-only hash chain behind the audit trail (proposed § 7.302 record keeping).
/// Each entry's hash is SHA-256 over a canonical JSON form of its content and the previous hash,
/// so editing, deleting or reordering any past entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(
        long sequence, DateTime atUtc, string actor, string action, string entityType, string entityId,
        string? subjectId, IReadOnlyList<FieldChange> changes, string previousHash)
    {
        var canonical = Canonical(sequence, atUtc, actor, action, entityType, entityId, subjectId, changes, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    public static string ComputeHash(AuditRecord r) =>
        ComputeHash(r.Sequence, r.AtUtc, r.Actor, r.Action, r.EntityType, r.EntityId, r.SubjectId, r.Changes, r.PreviousHash);

    /// <summary>Canonical form: fixed property order, UTC time to the tick, no insignificant whitespace.</summary>
    public static byte[] Canonical(
        long sequence, DateTime atUtc, string actor, string action, string entityType, string entityId,
        string? subjectId, IReadOnlyList<FieldChange> changes, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", sequence);
            w.WriteString("at", DateTime.SpecifyKind(atUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteString("actor", actor);
            w.WriteString("action", action);
            w.WriteString("entityType", entityType);
            w.WriteString("entityId", entityId);
            w.WriteString("subject", subjectId);
            w.WriteStartArray("changes");
            foreach (var c in changes)
            {
                w.WriteStartArray();
                w.WriteStringValue(c.Field);
                w.WriteStringValue(c.Old);
                w.WriteStringValue(c.New);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteString("prev", previousHash);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Checks a whole chain given in ascending sequence order against the recorded head.</summary>
    public static ChainVerification Verify(IEnumerable<AuditRecord> entriesInOrder, long? headSequence = null, string? headHash = null)
    {
        var verifier = new ChainVerifier();
        foreach (var e in entriesInOrder)
        {
            if (!verifier.Accept(e)) break;
        }
        return verifier.Finish(headSequence, headHash);
    }
}

/// <summary>
/// Streams a chain entry by entry so that millions of entries verify in constant memory.
/// The first entry that breaks the chain (a gap, a reordering, a wrong link or a wrong hash) is reported;
/// comparing the end with the recorded head also detects entries removed from the end.
/// </summary>
public sealed class ChainVerifier
{
    private string expectedPrevious = AuditChain.GenesisHash;
    private long expectedSequence = 1;
    private long? broken;

    public long Verified { get; private set; }

    /// <summary>Returns false once the chain is broken; later entries are not looked at.</summary>
    public bool Accept(AuditRecord e)
    {
        if (broken is not null) return false;
        if (e.Sequence != expectedSequence || e.PreviousHash != expectedPrevious || AuditChain.ComputeHash(e) != e.Hash)
        {
            broken = expectedSequence;
            return false;
        }
        expectedPrevious = e.Hash;
        expectedSequence++;
        Verified++;
        return true;
    }

    public ChainVerification Finish(long? headSequence, string? headHash)
    {
        if (broken is null && headSequence is not null && (headSequence != expectedSequence - 1 || (headHash is not null && headHash != expectedPrevious)))
        {
            // The entries end before the recorded head: the missing entries are the first break.
            broken = Math.Min(expectedSequence, headSequence.Value);
        }
        return new ChainVerification(broken is null, Verified, broken);
    }
}

public sealed record ChainVerification(bool Ok, long Entries, long? FirstBrokenSequence);
