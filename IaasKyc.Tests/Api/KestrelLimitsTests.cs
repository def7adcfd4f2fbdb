using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaasKyc.Tests.Api;

/// <summary>Kestrel's limits come from configuration (docs/operations.md: keep-alive longer than the load balancer's).</summary>
public sealed class KestrelLimitsTests
{
    [Fact]
    public async Task The_keep_alive_timeout_and_other_limits_come_from_the_Kestrel_Limits_section()
    {
        await using var factory = new ApiFactory().WithWebHostBuilder(b => b
            .UseSetting("Kestrel:Limits:KeepAliveTimeout", "00:03:20")
            .UseSetting("Kestrel:Limits:MaxConcurrentUpgradedConnections", "5000"));

        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(TimeSpan.FromSeconds(200), limits.KeepAliveTimeout);
        Assert.Equal(5000, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.RequestHeadersTimeout); // not configured: Kestrel's default
    }
}
