using System.Security.Cryptography;
using System.Text;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Resellers;

public enum AttestationState { Pending, LinkExpired, Revoked, Signed }

/// <summary>
/// One flow-down attestation sent to a reseller (regulation.md §2): the exact text of an approved template version as sent, a
/// single-use signing link (only the SHA-256 of its token is stored; it expires and can be revoked) and, once signed, who signed,
/// when (UTC), from which IP address and the SHA-256 of the exact text shown.
/// </summary>
public sealed class Attestation : IVersioned
{
    private Attestation() { }

    public Attestation(Guid id, Guid resellerId, AttestationTemplate template, string text, string rulePackVersion, string tokenHash,
        string? sentTo, string by, DateTime nowUtc, DateTime linkExpiresAtUtc)
    {
        (Id, ResellerId, TemplateId, TemplateNumber, Text, TextSha256, RulePackVersion) =
            (id, resellerId, template.Id, template.Number, text, AttestationTokens.Sha256(text), rulePackVersion);
        (TokenHash, SentTo, SentBy, SentAtUtc, LinkExpiresAtUtc) = (tokenHash, sentTo, by, nowUtc, linkExpiresAtUtc);
    }

    public Guid Id { get; private set; }
    public Guid ResellerId { get; private set; }
    public Guid TemplateId { get; private set; }
    public int TemplateNumber { get; private set; }
    /// <summary>The exact text the signatory reads (the template rendered with the rule pack in force when sent).</summary>
    public string Text { get; private set; } = "";
    public string TextSha256 { get; private set; } = "";
    public string RulePackVersion { get; private set; } = "";
    /// <summary>SHA-256 (hex) of the link's token: the token itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";
    public string? SentTo { get; private set; }
    public string SentBy { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
    public DateTime LinkExpiresAtUtc { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? SignerName { get; private set; }
    public string? SignerTitle { get; private set; }
    public string? SignerEmail { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }
    public string? SignerIp { get; private set; }
    /// <summary>SHA-256 of the text shown to the signatory, as the signing page computed it.</summary>
    public string? SignedTextSha256 { get; private set; }
    /// <summary>The last day the signed attestation is valid (rule pack <c>attestationValidityDays</c> after signing).</summary>
    public DateOnly? ValidUntil { get; private set; }
    /// <summary>Renewal reminders already sent, as days before expiry (comma-separated).</summary>
    public string RemindersSent { get; private set; } = "";
    /// <summary>Set once the expiry of this signed attestation opened a finding.</summary>
    public bool ExpiryRecorded { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<int> Reminded => [.. RemindersSent.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

    /// <summary>
    /// The renewal reminders due on <paramref name="today"/> and not sent yet (rule pack <c>attestationReminderDays</c> before
    /// <see cref="ValidUntil"/>), most urgent first; none once expired or when not signed.
    /// </summary>
    public IReadOnlyList<int> DueReminders(IReadOnlyList<int> reminderDays, DateOnly today) =>
        ValidUntil is not { } until || today > until ? []
        : [.. reminderDays.Where(d => today >= until.AddDays(-d) && !Reminded.Contains(d)).Order()];

    public void MarkReminded(IEnumerable<int> days) => RemindersSent = string.Join(',', Reminded.Concat(days).Distinct().OrderDescending());

    public bool IsExpired(DateOnly today) => ValidUntil is { } until && today > until;

    public void MarkExpiryRecorded()
    {
        if (ExpiryRecorded) throw new InvalidStateTransition("The expiry was recorded already.");
        ExpiryRecorded = true;
    }

    public AttestationState StateAt(DateTime nowUtc) =>
        SignedAtUtc is not null ? AttestationState.Signed
        : RevokedAtUtc is not null ? AttestationState.Revoked
        : nowUtc >= LinkExpiresAtUtc ? AttestationState.LinkExpired
        : AttestationState.Pending;

    /// <summary>Records the signature; refused unless the link is still pending and the text shown is the text sent.</summary>
    public void Sign(string name, string title, string email, string ip, string shownTextSha256, DateTime nowUtc, DateOnly validUntil)
    {
        var state = StateAt(nowUtc);
        if (state != AttestationState.Pending) throw new InvalidStateTransition(AttestationTokens.Explain(state));
        if (!string.Equals(shownTextSha256, TextSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidStateTransition("The text shown is not the text sent: reload the page and read it again.");
        (SignerName, SignerTitle, SignerEmail, SignerIp, SignedTextSha256, SignedAtUtc, ValidUntil) =
            (name, title, email, ip, shownTextSha256.ToLowerInvariant(), nowUtc, validUntil);
    }

    public void Revoke(string by, DateTime nowUtc)
    {
        if (StateAt(nowUtc) != AttestationState.Pending) throw new InvalidStateTransition("Only a link that is still open can be revoked.");
        (RevokedBy, RevokedAtUtc) = (by, nowUtc);
    }
}

/// <summary>Signing-link tokens: 256 random bits, URL-safe; only their SHA-256 is kept.</summary>
public static class AttestationTokens
{
    public const int Bytes = 32;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Sha256(token);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A token's shape, checked before any lookup (a bad one is refused without touching the database).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The plain explanation a signatory gets for a link that cannot be used: nothing about the reseller or others.</summary>
    public static string Explain(AttestationState state) => state switch
    {
        AttestationState.Signed => "This link has been used already: the attestation it carried is signed. Each link can be used once.",
        AttestationState.Revoked => "This link has been withdrawn by the provider. Ask your contact at the provider for a new one.",
        AttestationState.LinkExpired => "This link has expired. Ask your contact at the provider for a new one.",
        _ => "This link is still open.",
    };

    public const string Unknown = "This link is not valid. Check that you copied the whole address, or ask your contact at the provider for a new one.";
}
