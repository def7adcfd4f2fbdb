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
}

public sealed class EndAccountForm
{
    [Required(ErrorMessage = "Enter the end customer's account reference."), StringLength(IntakeRules.ReferenceMax)]
    public string? Reference { get; set; }
}
