using System.Net;
using System.Net.Sockets;

namespace IaasKyc.Domain.Customers;

/// <summary>IP addresses as 16 comparable bytes (IPv4 mapped into IPv6), so that a CIDR block is a contiguous byte range.</summary>
public static class IpAddresses
{
    public static bool TryParse(string? text, out IPAddress address, out byte[] bytes)
    {
        address = IPAddress.None;
        bytes = [];
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 45 || t.Contains('/')) return false;
        // IPAddress.Parse accepts shorthand such as "1" or "1.2"; only dotted quads and IPv6 are addresses here.
        if (!t.Contains(':') && t.Count(c => c == '.') != 3) return false;
        if (!IPAddress.TryParse(t, out var parsed)) return false;
        if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.ScopeId != 0) return false;
        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        bytes = ToBytes(address);
        return true;
    }

    public static byte[] ToBytes(IPAddress a) => (a.AddressFamily == AddressFamily.InterNetwork ? a.MapToIPv6() : a).GetAddressBytes();

    /// <summary>An address ("203.0.113.7") or a CIDR block ("203.0.113.0/24", "2001:db8::/32") as an inclusive byte range.</summary>
    public static bool TryParseRange(string? text, out byte[] low, out byte[] high)
    {
        low = high = [];
        var t = text?.Trim() ?? "";
        var slash = t.IndexOf('/');
        if (slash < 0)
        {
            if (!TryParse(t, out _, out var b)) return false;
            low = high = b;
            return true;
        }
        if (!TryParse(t[..slash], out var a, out var bytes) || !int.TryParse(t[(slash + 1)..], out var prefix)) return false;
        // The prefix counts bits of the form written: "::ffff:203.0.113.0/120" is an IPv6 prefix over the mapped address.
        var max = a.AddressFamily == AddressFamily.InterNetwork && !t[..slash].Contains(':') ? 32 : 128;
        if (prefix < 0 || prefix > max) return false;
        var bits = prefix + (128 - max);
        low = (byte[])bytes.Clone();
        high = (byte[])bytes.Clone();
        for (var i = 0; i < 16; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            var mask = (byte)(keep == 0 ? 0 : 0xFF << (8 - keep));
            low[i] = (byte)(bytes[i] & mask);
            high[i] = (byte)(bytes[i] | ~mask);
        }
        return true;
    }
}
