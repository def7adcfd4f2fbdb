using System.Globalization;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Resellers;

public sealed record ResellerContactInput(string? Name, string? Title, string? Email, string? Phone);

public sealed record ParsedResellerContact(string Name, string Title, string Email, string PhoneE164);

/// <summary>Shape rules of the reseller register; contacts follow the customer intake's rules for names, e-mail and phone.</summary>
public static class ResellerRules
{
    public const int ReferenceMax = 200;

    /// <summary>A contact; the phone without a + is read in <paramref name="country"/> (the reseller's address).</summary>
    public static (ParsedResellerContact? Value, List<Finding> Findings) Contact(ResellerContactInput c, string? country)
    {
        var f = new List<Finding>();
        var name = IntakeRules.Text(c.Name, "name", IntakeRules.NameMax, f, required: true, "Enter the contact's full name.");
        var title = IntakeRules.Text(c.Title, "title", IntakeRules.ShortMax, f, required: true, "Enter the contact's title, for example Head of Compliance.");
        var email = IntakeRules.Email(c.Email, f);
        var phone = IntakeRules.Phone(c.Phone, country, f);
        return f.Count > 0 ? (null, f) : (new ParsedResellerContact(name!, title!, email!, phone!), f);
    }

    /// <summary>A calendar day as YYYY-MM-DD, not after <paramref name="today"/>.</summary>
    public static DateOnly? PastDate(string? raw, string field, DateOnly today, List<Finding> f, string requiredMessage)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            f.Add(new("required", requiredMessage, field));
            return null;
        }
        if (!DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            f.Add(new("date.format", "Enter the date as YYYY-MM-DD.", field));
            return null;
        }
        if (d > today)
        {
            f.Add(new("date.future", "The date cannot be in the future.", field));
            return null;
        }
        if (d.Year < 1990)
        {
            f.Add(new("date.tooOld", "The date is implausibly old.", field));
            return null;
        }
        return d;
    }

    /// <summary>What an Approver needs before activating: a recorded CIP arrangement (proposed § 7.301), a contact and a valid signed flow-down attestation.</summary>
    public static List<Finding> CanActivate(Reseller r, bool hasValidAttestation)
    {
        var f = new List<Finding>();
        if (r.Status != ResellerStatus.Onboarding)
            f.Add(new("state", $"Only a reseller in onboarding can be activated; this one is {ResellerLabels.Status(r.Status)}.", ""));
        if (r.Arrangement == CipArrangement.None)
            f.Add(new("reseller.cipMissing", "Record the CIP arrangement first: upload the reseller's written CIP, or record its agreement to adopt ours.", "arrangement"));
        if (r.Contacts.Count == 0)
            f.Add(new("reseller.contactMissing", "Add at least one contact.", "contacts"));
        if (!hasValidAttestation)
            f.Add(new("reseller.attestationMissing", "The reseller has not signed a valid flow-down attestation: send it one and wait for the signature.", "attestation"));
        return f;
    }
}
