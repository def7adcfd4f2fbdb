using System.Globalization;
using System.Text.RegularExpressions;

namespace IaasKyc.Domain.Customers;

/// <summary>One validated IP access record: canonical address text, its 16 comparable bytes, the UTC time and the kind.</summary>
public sealed record AccessRecord(string Ip, byte[] IpBytes, DateTime AtUtc, AccessKind Kind);

/// <summary>
/// Proposed § 7.302: the IP addresses used to access or administer an account, with the date and time of each.
/// Checks one raw record (as an API entry or a CSV line gives it) and returns findings on the fields "ip", "at", "kind".
/// </summary>
public static partial class AccessEventRules
{
    /// <summary>A record may be stamped at most this far ahead of the portal's clock (clock skew between systems).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Nothing before this is a plausible access to an IaaS account.</summary>
    public static readonly DateTime Earliest = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static (AccessRecord? Record, List<Finding> Findings) Check(string? ip, string? at, string? kind, DateTime nowUtc)
    {
        var findings = new List<Finding>();
        byte[] bytes = [];
        System.Net.IPAddress address = System.Net.IPAddress.None;
        if (string.IsNullOrWhiteSpace(ip)) findings.Add(new("ip.required", "An IP address is required.", "ip"));
        else if (!IpAddresses.TryParse(ip, out address, out bytes))
            findings.Add(new("ip.invalid", $"'{Clip(ip)}' is not an IP address (IPv4 or IPv6).", "ip"));

        var atUtc = default(DateTime);
        if (string.IsNullOrWhiteSpace(at)) findings.Add(new("at.required", "A time is required (ISO 8601 with offset, for example 2026-11-29T14:05:00Z).", "at"));
        else if (!TryParseTime(at, out atUtc))
            findings.Add(new("at.invalid", $"'{Clip(at)}' is not an ISO 8601 time with an offset or Z (for example 2026-11-29T14:05:00Z).", "at"));
        else if (atUtc > nowUtc + FutureTolerance)
            findings.Add(new("at.future", $"'{Clip(at)}' is in the future.", "at"));
        else if (atUtc < Earliest)
            findings.Add(new("at.tooEarly", $"'{Clip(at)}' is before 1990.", "at"));

        var parsedKind = AccessKind.Access;
        if (string.IsNullOrWhiteSpace(kind)) findings.Add(new("kind.required", "A kind is required: access or administration.", "kind"));
        else if (!TryParseKind(kind, out parsedKind))
            findings.Add(new("kind.invalid", $"'{Clip(kind)}' is not a kind: use access or administration.", "kind"));

        return findings.Count > 0 ? (null, findings) : (new AccessRecord(address.ToString(), bytes, atUtc, parsedKind), findings);
    }

    public static bool TryParseTime(string? text, out DateTime utc)
    {
        utc = default;
        var t = text?.Trim() ?? "";
        // An offset (or Z) is required: a bare local time is ambiguous.
        if (!IsoWithOffset().IsMatch(t)) return false;
        if (!DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }

    public static bool TryParseKind(string? text, out AccessKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "access":
                kind = AccessKind.Access;
                return true;
            case "administration":
                kind = AccessKind.Administration;
                return true;
            default:
                kind = AccessKind.Access;
                return false;
        }
    }

    /// <summary>The canonical line of a record, as kept in the audit payload and exported: ip,at,kind.</summary>
    public static string CanonicalLine(AccessRecord r) =>
        $"{r.Ip},{r.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)},{(r.Kind == AccessKind.Administration ? "administration" : "access")}";

    private static string Clip(string value) => value.Length > 60 ? value[..60] + "…" : value;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
