using IaasKyc.Domain;
using Microsoft.AspNetCore.Components.Forms;

namespace IaasKyc.Portal.Components.Shared;

/// <summary>
/// Shows a service's findings at the fields they name, in an EditForm: the finding's camelCase field
/// ("email", "address.country") maps to the form model's property ("Email"). Findings for fields the
/// model lacks are returned so the page can show them above the form. A nested field maps through
/// the map given to the constructor ("paymentMeans.type" → "MeansType"), else to its last segment
/// ("address.country" → "Country").
/// </summary>
public sealed class FormFindings
{
    private readonly EditContext context;
    private readonly ValidationMessageStore store;
    private readonly IReadOnlyDictionary<string, string> map;

    public FormFindings(EditContext context, IReadOnlyDictionary<string, string>? map = null)
    {
        this.context = context;
        this.map = map ?? new Dictionary<string, string>();
        store = new ValidationMessageStore(context);
        context.OnFieldChanged += (_, e) =>
        {
            store.Clear(e.FieldIdentifier);
            context.NotifyValidationStateChanged();
        };
    }

    public IReadOnlyList<string> Show(IEnumerable<Finding> findings)
    {
        store.Clear();
        var unplaced = new List<string>();
        foreach (var f in findings)
        {
            var property = PropertyOf(f.Field);
            if (property is null) unplaced.Add(f.Message);
            else store.Add(new FieldIdentifier(context.Model, property), f.Message);
        }
        context.NotifyValidationStateChanged();
        return unplaced;
    }

    private string? PropertyOf(string field)
    {
        if (string.IsNullOrEmpty(field)) return null;
        if (map.TryGetValue(field, out var mapped)) return mapped;
        var segment = field[(field.LastIndexOf('.') + 1)..];
        if (segment.Length == 0) return null;
        var name = char.ToUpperInvariant(segment[0]) + segment[1..];
        return context.Model.GetType().GetProperty(name) is null ? null : name;
    }
}
