using System.ComponentModel.DataAnnotations;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.Customers.Intake;

namespace IaasKyc.Portal.Features.SpecialMeasures;

/// <summary>The entry form's model: input shape only; the register's rules come back from the service as findings at these fields.</summary>
public sealed class MeasureForm
{
    public MeasureTarget Target { get; set; } = MeasureTarget.Jurisdiction;
    public MeasureAction Action { get; set; } = MeasureAction.Prohibit;

    [StringLength(80)]
    public string? Country { get; set; }

    [StringLength(SpecialMeasureRules.NameMax)]
    public string? PersonName { get; set; }

    [StringLength(SpecialMeasureRules.AliasesMax)]
    public string? Aliases { get; set; }

    [StringLength(SpecialMeasureRules.ConditionMax)]
    public string? ConditionText { get; set; }

    /// <summary>Dates as the browser's date inputs give them (yyyy-MM-dd).</summary>
    public string? DeterminationDate { get; set; }
    public string? EffectiveDate { get; set; }
    public string? ExpiryDate { get; set; }

    [StringLength(SpecialMeasureRules.SourceMax)]
    public string? SourceReference { get; set; }

    [StringLength(SpecialMeasureRules.DescriptionMax)]
    public string? Description { get; set; }

    public SpecialMeasureInput ToInput() => new(Target, Action, IntakeCatalog.Resolve(Country), PersonName, Aliases, ConditionText,
        IdentityForm.ParseIso(DeterminationDate), IdentityForm.ParseIso(EffectiveDate), IdentityForm.ParseIso(ExpiryDate), SourceReference, Description);
}
