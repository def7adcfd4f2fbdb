using Microsoft.AspNetCore.Identity;

namespace IaasKyc.Portal.Data;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
