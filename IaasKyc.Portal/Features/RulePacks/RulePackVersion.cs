using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Portal.Features.RulePacks;

/// <summary>A stored rule-pack version. Once a decision has used it, it is never edited: a change is a new version.</summary>
public sealed class RulePackVersion : IVersioned
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string ParametersJson { get; set; } = "{}";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? FirstUsedAtUtc { get; set; }
    public Guid Version { get; set; }

    public RulePack ToDomain() =>
        new(Name, EffectiveFrom, JsonSerializer.Deserialize<Dictionary<string, string>>(ParametersJson) ?? []);
}
