using IaasKyc.Domain.Customers;

namespace IaasKyc.Tests.Domain.Customers;

public sealed class IpAddressesTests
{
    private static byte[] Bytes(string ip)
    {
        Assert.True(IpAddresses.TryParse(ip, out _, out var b), ip);
        return b;
    }

    private static bool Within(string ip, byte[] low, byte[] high) =>
        Bytes(ip).AsSpan().SequenceCompareTo(low) >= 0 && Bytes(ip).AsSpan().SequenceCompareTo(high) <= 0;

    [Fact]
    public void An_IPv4_address_is_16_bytes_mapped_into_IPv6()
    {
        Assert.True(IpAddresses.TryParse(" 203.0.113.7 ", out var address, out var bytes));

        Assert.Equal("203.0.113.7", address.ToString());
        Assert.Equal(16, bytes.Length);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 203, 0, 113, 7 }, bytes);
    }

    [Fact]
    public void An_IPv4_mapped_IPv6_address_is_the_same_IPv4_address()
    {
        Assert.True(IpAddresses.TryParse("::ffff:203.0.113.7", out var address, out var bytes));

        Assert.Equal("203.0.113.7", address.ToString());
        Assert.Equal(Bytes("203.0.113.7"), bytes);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3")]
    [InlineData("256.1.1.1")]
    [InlineData("203.0.113.0/24")]
    [InlineData("fe80::1%eth0")]
    [InlineData("not an address")]
    [InlineData("")]
    public void Shorthand_ranges_scoped_and_malformed_addresses_are_refused(string text)
    {
        Assert.False(IpAddresses.TryParse(text, out _, out _));
    }

    [Fact]
    public void An_IPv4_CIDR_block_covers_exactly_its_addresses()
    {
        Assert.True(IpAddresses.TryParseRange("198.51.100.0/24", out var low, out var high));

        Assert.True(Within("198.51.100.0", low, high));
        Assert.True(Within("198.51.100.255", low, high));
        Assert.False(Within("198.51.101.0", low, high));
        Assert.False(Within("198.51.99.255", low, high));
        Assert.False(Within("2001:db8::1", low, high));
    }

    [Fact]
    public void A_CIDR_block_given_with_host_bits_set_is_normalised()
    {
        Assert.True(IpAddresses.TryParseRange("203.0.113.77/28", out var low, out var high));

        Assert.Equal(Bytes("203.0.113.64"), low);
        Assert.Equal(Bytes("203.0.113.79"), high);
    }

    [Fact]
    public void An_IPv6_CIDR_block_covers_exactly_its_addresses()
    {
        Assert.True(IpAddresses.TryParseRange("2001:db8::/32", out var low, out var high));

        Assert.True(Within("2001:db8::", low, high));
        Assert.True(Within("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", low, high));
        Assert.False(Within("2001:db9::", low, high));
        Assert.False(Within("203.0.113.7", low, high));
    }

    [Fact]
    public void Slash_zero_for_IPv4_covers_all_of_IPv4_and_no_IPv6()
    {
        Assert.True(IpAddresses.TryParseRange("0.0.0.0/0", out var low, out var high));

        Assert.True(Within("1.1.1.1", low, high));
        Assert.True(Within("255.255.255.255", low, high));
        Assert.False(Within("2001:db8::1", low, high));
    }

    [Fact]
    public void An_IPv6_prefix_written_over_a_mapped_address_counts_IPv6_bits()
    {
        Assert.True(IpAddresses.TryParseRange("::ffff:203.0.113.0/120", out var low, out var high));

        Assert.True(Within("203.0.113.200", low, high));
        Assert.False(Within("203.0.114.1", low, high));
    }

    [Fact]
    public void A_single_address_is_a_range_of_one()
    {
        Assert.True(IpAddresses.TryParseRange("203.0.113.7", out var low, out var high));

        Assert.Equal(low, high);
        Assert.Equal(Bytes("203.0.113.7"), low);
    }

    [Theory]
    [InlineData("203.0.113.0/33")]
    [InlineData("203.0.113.0/-1")]
    [InlineData("2001:db8::/129")]
    [InlineData("203.0.113.0/x")]
    [InlineData("nonsense/8")]
    public void Impossible_prefixes_are_refused(string text)
    {
        Assert.False(IpAddresses.TryParseRange(text, out _, out _));
    }
}
