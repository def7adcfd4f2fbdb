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
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid Version { get; set; }
}
