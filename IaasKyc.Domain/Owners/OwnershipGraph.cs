namespace IaasKyc.Domain.Owners;

public enum OwnerKind { Individual, Entity }

/// <summary>Control roles of the beneficial-owner definition (api.md: seniorOfficer, director, appointsOrRemovesOfficers, other).</summary>
public enum ControlRole { SeniorOfficer, Director, AppointsOrRemovesOfficers, Other }

/// <summary>A person in an ownership structure. The customer itself is the root, keyed <see cref="OwnershipGraph.CustomerKey"/>.</summary>
public sealed record OwnerNode(string Key, OwnerKind Kind, string Name, string? Country, string? RegistrationNumber = null, bool ConfirmedBlocked = false);

/// <summary>"From owns Percent % of To" and/or "From controls To" in a role.</summary>
public sealed record OwnershipEdge(string From, string To, decimal? Percent, ControlRole? Control = null, string? ControlDescription = null);

public sealed record OwnershipGraph(IReadOnlyList<OwnerNode> Nodes, IReadOnlyList<OwnershipEdge> Edges)
{
    public const string CustomerKey = "customer";
}

/// <summary>Why an individual is a beneficial owner: an effective share at or above the threshold, a control role, or both.</summary>
public sealed record BeneficialOwner(string Key, string Name, string? Country, decimal EffectivePercent, IReadOnlyList<string> Reasons);

/// <summary>The OFAC 50 % rule: confirmed-blocked owners that together own the threshold or more make the customer blocked.</summary>
public sealed record BlockedOwnership(bool Blocked, decimal Percent, IReadOnlyList<(string Key, string Name, decimal Percent)> Contributors);

public sealed record OwnershipResult(IReadOnlyList<Finding> Findings, IReadOnlyList<BeneficialOwner> BeneficialOwners,
    IReadOnlyDictionary<string, decimal> EffectivePercent, BlockedOwnership Blocked)
{
    public bool Valid => Findings.Count == 0;
}
