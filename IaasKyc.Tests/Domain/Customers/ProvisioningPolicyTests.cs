using IaasKyc.Domain.Customers;

namespace IaasKyc.Tests.Domain.Customers;

/// <summary>api.md's order: blocked on a sanctions match or prohibition; allowed if verified, or U.S. (with all owners) and submitted or verified;
/// restricted if restricted; otherwise blocked.</summary>
public sealed class ProvisioningPolicyTests
{
    [Theory]
    [InlineData(CustomerStatus.Verified)]
    [InlineData(CustomerStatus.Submitted)]
    [InlineData(CustomerStatus.Restricted)]
    public void A_confirmed_sanctions_match_blocks_before_anything_else(CustomerStatus status)
    {
        Assert.Equal(Provisioning.Blocked, ProvisioningPolicy.Evaluate(status, usPerson: true, allOwnersUsPersons: true, confirmedSanctionsMatch: true, effectiveProhibition: false));
    }

    [Theory]
    [InlineData(CustomerStatus.Verified)]
    [InlineData(CustomerStatus.Restricted)]
    public void An_effective_prohibition_blocks_even_a_verified_customer(CustomerStatus status)
    {
        Assert.Equal(Provisioning.Blocked, ProvisioningPolicy.Evaluate(status, usPerson: false, allOwnersUsPersons: true, confirmedSanctionsMatch: false, effectiveProhibition: true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_verified_customer_is_allowed_whether_US_or_foreign(bool usPerson)
    {
        Assert.Equal(Provisioning.Allowed, ProvisioningPolicy.Evaluate(CustomerStatus.Verified, usPerson, allOwnersUsPersons: false, false, false));
    }

    [Fact]
    public void A_submitted_US_customer_whose_owners_are_all_US_is_allowed_without_verification()
    {
        Assert.Equal(Provisioning.Allowed, ProvisioningPolicy.Evaluate(CustomerStatus.Submitted, usPerson: true, allOwnersUsPersons: true, false, false));
    }

    [Fact]
    public void A_submitted_US_customer_with_a_foreign_owner_is_blocked_until_verified()
    {
        Assert.Equal(Provisioning.Blocked, ProvisioningPolicy.Evaluate(CustomerStatus.Submitted, usPerson: true, allOwnersUsPersons: false, false, false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_restricted_customer_gets_restricted_use(bool usPerson)
    {
        Assert.Equal(Provisioning.Restricted, ProvisioningPolicy.Evaluate(CustomerStatus.Restricted, usPerson, allOwnersUsPersons: true, false, false));
    }

    [Theory]
    [InlineData(CustomerStatus.Draft, true)]
    [InlineData(CustomerStatus.Escalated, true)]
    [InlineData(CustomerStatus.Rejected, true)]
    [InlineData(CustomerStatus.Closed, true)]
    [InlineData(CustomerStatus.Draft, false)]
    [InlineData(CustomerStatus.Submitted, false)]
    [InlineData(CustomerStatus.Escalated, false)]
    [InlineData(CustomerStatus.Rejected, false)]
    [InlineData(CustomerStatus.Closed, false)]
    public void Everything_else_is_blocked(CustomerStatus status, bool usPerson)
    {
        Assert.Equal(Provisioning.Blocked, ProvisioningPolicy.Evaluate(status, usPerson, allOwnersUsPersons: true, false, false));
    }

    [Fact]
    public void A_customer_without_a_determination_is_blocked_even_when_submitted()
    {
        Assert.Equal(Provisioning.Blocked, ProvisioningPolicy.Evaluate(CustomerStatus.Submitted, usPerson: null, allOwnersUsPersons: true, false, false));
    }
}
