using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Screening;

/// <summary>
/// Country names as the lists write them ("Korea, North", "Burma", "Iran", "Cote d Ivoire", "Region: Crimea") to ISO 3166-1
/// alpha-2. Built from the ISO names in <see cref="Countries"/> (also the part before a comma: "Iran, Islamic Republic of"
/// gives "Iran") plus the short and former names the U.S. lists use.
/// </summary>
public static class CountryNames
{
    private static readonly Dictionary<string, string> Known = Build();

    /// <summary>The ISO alpha-2 code of a country name or code, or null (unknown, "undetermined", a region without one country).</summary>
    public static string? ToIso(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim();
        if (trimmed.Length == 2 && Countries.IsCountry(trimmed.ToUpperInvariant())) return trimmed.ToUpperInvariant();
        return Known.TryGetValue(Key(trimmed), out var code) ? code : null;
    }

    private static string Key(string name)
    {
        var s = NameNormalizer.Fold(name);
        if (s.StartsWith("region ", StringComparison.Ordinal)) s = s["region ".Length..];
        if (s.StartsWith("the ", StringComparison.Ordinal)) s = s["the ".Length..];
        if (s.EndsWith(" the", StringComparison.Ordinal)) s = s[..^" the".Length];
        return s;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in Countries.Names) map[Key(name)] = code;
        foreach (var (code, name) in Countries.Names)
        {
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0) map.TryAdd(Key(name[..comma]), code);
        }
        // The names the OFAC, BIS and CSL files use where ISO says it differently.
        (string Name, string Code)[] aliases =
        [
            ("Korea, North", "KP"), ("North Korea", "KP"), ("Korea, South", "KR"), ("South Korea", "KR"), ("Burma", "MM"),
            ("Russia", "RU"), ("Syria", "SY"), ("Iran", "IR"), ("Venezuela", "VE"), ("Bolivia", "BO"), ("Laos", "LA"),
            ("Vietnam", "VN"), ("Turkey", "TR"), ("Taiwan", "TW"), ("Macau", "MO"), ("Macao", "MO"), ("Brunei", "BN"),
            ("Moldova", "MD"), ("Tanzania", "TZ"), ("Czech Republic", "CZ"), ("Cote d Ivoire", "CI"), ("Ivory Coast", "CI"),
            ("Gambia", "GM"), ("Bahamas", "BS"), ("Virgin Islands, British", "VG"), ("British Virgin Islands", "VG"),
            ("Virgin Islands, U.S.", "VI"), ("Congo, Democratic Republic of the", "CD"), ("Democratic Republic of the Congo", "CD"),
            ("Congo, Republic of the", "CG"), ("Palestinian", "PS"), ("Palestine", "PS"), ("West Bank", "PS"), ("Gaza", "PS"),
            ("Crimea", "UA"), ("Northern Mali", "ML"), ("Macedonia", "MK"),
            ("Macedonia, The Former Yugoslav Republic of", "MK"), ("Man, Isle of", "IM"), ("Isle of Man", "IM"),
            ("Cape Verde", "CV"), ("Swaziland", "SZ"), ("East Timor", "TL"), ("Micronesia, Federated States of", "FM"),
            ("Vatican City", "VA"), ("Holy See", "VA"), ("Saint Martin", "MF"), ("Sint Maarten", "SX"), ("Curacao", "CW"),
            ("Reunion", "RE"), ("United States of America", "US"), ("USA", "US"), ("U.S.A.", "US"), ("UK", "GB"),
            ("Great Britain", "GB"), ("England", "GB"), ("UAE", "AE"), ("PRC", "CN"), ("People's Republic of China", "CN"),
            ("Hong Kong SAR", "HK"), ("Zaire", "CD"), ("Kyrgyz Republic", "KG"), ("Slovak Republic", "SK"), ("Turkiye", "TR"),
        ];
        foreach (var (name, code) in aliases) map[Key(name)] = code;
        return map;
    }
}
