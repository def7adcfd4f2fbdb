using System.ComponentModel.DataAnnotations;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;

namespace IaasKyc.Portal.Features.Resellers;

public class ResellerContactForm
{
    /// <summary>The rules name contact fields plainly ("name"); the new-reseller form prefixes its properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldMap = new Dictionary<string, string>
    {
        ["name"] = nameof(Name),
        ["title"] = nameof(Title),
        ["email"] = nameof(Email),
        ["phone"] = nameof(Phone),
    };

    [Required(ErrorMessage = "Enter the contact's full name."), StringLength(IntakeRules.NameMax)]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter the contact's title, for example Head of Compliance."), StringLength(IntakeRules.ShortMax)]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the email address."), StringLength(IntakeRules.EmailMax)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter the phone number."), StringLength(40)]
    public string? Phone { get; set; }

    public ResellerContactInput ToInput() => new(Name, Title, Email, Phone);
}

public sealed class NewResellerForm : ResellerContactForm
{
    public static readonly IReadOnlyDictionary<string, string> NewFieldMap = new Dictionary<string, string>(FieldMap)
    {
        ["customerId"] = nameof(CustomerId),
        ["relationshipStart"] = nameof(RelationshipStart),
    };

    [Required(ErrorMessage = "Choose the entity customer that resells.")]
    public Guid? CustomerId { get; set; }

    [Required(ErrorMessage = "Enter the day the reseller relationship started."), StringLength(10)]
    public string? RelationshipStart { get; set; }
}

public sealed class AgreementForm
{
    [Required(ErrorMessage = "Enter the day the agreement was signed."), StringLength(10)]
    public string? AgreementDate { get; set; }

    [Required(ErrorMessage = "Enter the agreement's reference, for example the contract number."), StringLength(ResellerRules.ReferenceMax)]
    public string? AgreementReference { get; set; }

    /// <summary>The fields a concurrency conflict compares.</summary>
    public static readonly (string, Func<AgreementForm, string?>)[] Compared =
        [("Agreement date", f => f.AgreementDate), ("Agreement reference", f => f.AgreementReference)];

    public static AgreementForm From(ResellerDetail r) => new()
    {
        AgreementDate = Customers.Intake.IdentityForm.Iso(r.AgreementDate),
        AgreementReference = r.AgreementReference,
    };
}

public sealed class EndAccountForm
{
    [Required(ErrorMessage = "Enter the end customer's account reference."), StringLength(IntakeRules.ReferenceMax)]
    public string? Reference { get; set; }
}

/// <summary>A template version being written: the introduction and one property per required clause (findings name "clauses.key").</summary>
public sealed class TemplateForm
{
    [Required(ErrorMessage = "Write the introduction: who attests what, to whom."), StringLength(AttestationTemplate.IntroductionMax)]
    public string? Introduction { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? Identification { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? Verification { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? RecordKeeping { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? AiTrainingReports { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? SpecialMeasures { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? CipProduction { get; set; }

    [Required(ErrorMessage = "Write this clause: every attestation must carry it."), StringLength(AttestationTemplate.ClauseMax)]
    public string? CipChanges { get; set; }

    public static TemplateForm From(string introduction, IReadOnlyDictionary<string, string> clauses) => new()
    {
        Introduction = introduction,
        Identification = clauses.GetValueOrDefault("identification"),
        Verification = clauses.GetValueOrDefault("verification"),
        RecordKeeping = clauses.GetValueOrDefault("recordKeeping"),
        AiTrainingReports = clauses.GetValueOrDefault("aiTrainingReports"),
        SpecialMeasures = clauses.GetValueOrDefault("specialMeasures"),
        CipProduction = clauses.GetValueOrDefault("cipProduction"),
        CipChanges = clauses.GetValueOrDefault("cipChanges"),
    };

    /// <summary>The fields a concurrency conflict compares: the introduction, then each clause under its number and title.</summary>
    public static readonly (string, Func<TemplateForm, string?>)[] Compared =
    [
        ("Introduction", f => f.Introduction),
        .. AttestationTemplate.Clauses.Select((c, i) => ($"{i + 1}. {c.Title}", (Func<TemplateForm, string?>)(f => f.ToInput().Clauses[c.Key]))),
    ];

    public TemplateInput ToInput() => new(Introduction, new Dictionary<string, string?>
    {
        ["identification"] = Identification,
        ["verification"] = Verification,
        ["recordKeeping"] = RecordKeeping,
        ["aiTrainingReports"] = AiTrainingReports,
        ["specialMeasures"] = SpecialMeasures,
        ["cipProduction"] = CipProduction,
        ["cipChanges"] = CipChanges,
    });
}

public sealed class FindingForm
{
    [Required(ErrorMessage = "Say what the reseller failed to do."), StringLength(2000)]
    public string? What { get; set; }

    [Required(ErrorMessage = "Describe the evidence (a document, a report, a call) and where it is kept."), StringLength(4000)]
    public string? Evidence { get; set; }

    [Required(ErrorMessage = "Enter the day the provider learned of it: the clock starts then."), StringLength(10)]
    public string? LearnedOn { get; set; }
}

public sealed class CipRequestForm
{
    [Required(ErrorMessage = "Enter the Department's reference for the request."), StringLength(ResellerRules.ReferenceMax)]
    public string? Reference { get; set; }

    [Required(ErrorMessage = "Enter the day the request was received: the clock starts then."), StringLength(10)]
    public string? ReceivedOn { get; set; }

    public bool ProviderCip { get; set; } = true;

    public IReadOnlyCollection<Guid> ResellerIds { get; set; } = [];
}
