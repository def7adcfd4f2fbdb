using IaasKyc.Domain;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>
/// The stored ownership graph of one entity customer (issue 4): nodes and edges as JSON (see <see cref="OwnershipJson"/>),
/// replaced as a whole. Names in <see cref="NodesJson"/> are personal values (audited encrypted under the customer's key).
/// </summary>
public sealed class OwnershipStructure : IVersioned
{
    public Guid CustomerId { get; set; }
    public string NodesJson { get; set; } = "[]";
    public string EdgesJson { get; set; } = "[]";
    /// <summary>"All beneficial owners are U.S. persons" (regulation.md §1): its basis, who recorded it and when; null when not stated.</summary>
    public string? AllUsPersonsBasis { get; set; }
    public string? AllUsPersonsBy { get; set; }
    public DateTime? AllUsPersonsAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid Version { get; set; }
}
