using IaasKyc.Domain.Customers;

namespace IaasKyc.Portal.Features.Customers.Intake;

public sealed record ProductOption(string Code, string Name, bool AdvancedCompute);

/// <summary>What the wizard offers: the products a customer may use, and the written CIP version whose notice customers receive.</summary>
public sealed record IntakeOptions(IReadOnlyList<ProductOption> Products, string? NoticeVersion);

/// <summary>The catalogue data the intake wizard needs besides the customer itself.</summary>
public sealed class IntakeCatalog(Products.ProductService products, Cip.CipService cip)
{
    public async Task<IntakeOptions> GetAsync(CancellationToken ct = default)
    {
        var offered = await products.ListAsync(includeRetired: false, ct);
        var current = await cip.CurrentAsync(ct);
        return new IntakeOptions([.. offered.Select(p => new ProductOption(p.Code, p.Name, p.AdvancedCompute))], current?.VersionLabel);
    }

    /// <summary>The country options of the autocompletes: ISO 3166-1 countries, and U.S. states when a jurisdiction of organisation is asked for.</summary>
    public static IEnumerable<string> Search(string? text, bool withUsStates)
    {
        var all = withUsStates ? Countries.Names.Keys.Concat(Countries.UsSubdivisions.Keys) : Countries.Names.Keys;
        var t = text?.Trim() ?? "";
        // A selected value shows as "DE — Germany": searching for that text lists the whole catalogue again.
        if (t.Length == 0 || t.Contains(" — ", StringComparison.Ordinal)) return all.OrderBy(c => c, StringComparer.Ordinal);
        return all.Where(c => c.StartsWith(t, StringComparison.OrdinalIgnoreCase) || Countries.NameOf(c).Contains(t, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => !c.Equals(t, StringComparison.OrdinalIgnoreCase)).ThenBy(c => c, StringComparer.Ordinal);
    }

    public static string Display(string? code) =>
        string.IsNullOrEmpty(code) ? "" : Countries.IsJurisdiction(code) ? $"{code} — {Countries.NameOf(code)}" : code;

    /// <summary>The code behind what was typed or chosen: "DE — Germany", "de" or "Germany" all give DE; anything else is kept for the rules to refuse.</summary>
    public static string? Resolve(string? value)
    {
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        var dash = t.IndexOf(" — ", StringComparison.Ordinal);
        if (dash > 0) t = t[..dash];
        var code = Countries.Normalize(t);
        if (Countries.IsJurisdiction(code)) return code;
        var byName = Countries.Names.FirstOrDefault(kv => kv.Value.Equals(t, StringComparison.OrdinalIgnoreCase)).Key;
        return byName ?? code;
    }
}
