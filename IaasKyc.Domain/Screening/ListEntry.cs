namespace IaasKyc.Domain.Screening;

/// <summary>The lists the portal imports (api.md: source <c>ofac-sdn</c>, <c>bis-dpl</c>, <c>csl</c>).</summary>
public enum ListSource { OfacSdn, BisDpl, Csl }

/// <summary>What a list entry is (api.md: <c>individual</c>, <c>entity</c>, <c>vessel</c>, <c>aircraft</c>).</summary>
public enum ListEntryType { Individual, Entity, Vessel, Aircraft }

public static class ListSources
{
    /// <summary>The api.md code of a source: <c>ofac-sdn</c>, <c>bis-dpl</c>, <c>csl</c>.</summary>
    public static string Code(this ListSource source) => source switch
    {
        ListSource.OfacSdn => "ofac-sdn",
        ListSource.BisDpl => "bis-dpl",
        _ => "csl",
    };

    public static bool TryParse(string? code, out ListSource source)
    {
        foreach (var s in Enum.GetValues<ListSource>())
        {
            if (string.Equals(s.Code(), code, StringComparison.OrdinalIgnoreCase)) { source = s; return true; }
        }
        source = default;
        return false;
    }

    /// <summary>The file field names a source's import takes (api.md: <c>sdn</c>, <c>alt</c>, <c>add</c>; <c>dpl</c>; <c>csl</c>).</summary>
    public static IReadOnlyList<string> FileNames(this ListSource source) => source switch
    {
        ListSource.OfacSdn => ["sdn", "alt", "add"],
        ListSource.BisDpl => ["dpl"],
        _ => ["csl"],
    };

    public static string Title(this ListSource source) => source switch
    {
        ListSource.OfacSdn => "OFAC Specially Designated Nationals",
        ListSource.BisDpl => "BIS Denied Persons List",
        _ => "Consolidated Screening List",
    };

    public static string Code(this ListEntryType type) => type switch
    {
        ListEntryType.Individual => "individual",
        ListEntryType.Entity => "entity",
        ListEntryType.Vessel => "vessel",
        _ => "aircraft",
    };
}

/// <summary>An alias of a list entry (OFAC alt_type <c>aka</c>, <c>fka</c>, <c>nka</c>; CSL alt_names are <c>aka</c>).</summary>
public sealed record ListAlias(string Name, string Kind);

/// <summary>An address as the list gives it; <paramref name="CountryCode"/> is ISO 3166-1 alpha-2 when the country name is known.</summary>
public sealed record ListAddress(string? Street, string? City, string? Country, string? CountryCode);

/// <summary>
/// One entry of an imported list with the facts that help matching. <paramref name="EntryId"/> is the list's own identifier
/// (OFAC <c>ent_num</c>, the CSL <c>id</c>) or, for entries without one, a stable hash of the normalised name and address (api.md).
/// <paramref name="ContentHash"/> (SHA-256 hex of the entry's content) changes when the entry changes, which ends a remembered
/// "no match" decision. Countries, dates of birth and nationalities come from addresses and remarks.
/// </summary>
public sealed record ListEntry(
    ListSource Source,
    string EntryId,
    string Name,
    ListEntryType Type,
    IReadOnlyList<string> Programs,
    IReadOnlyList<ListAlias> Aliases,
    IReadOnlyList<ListAddress> Addresses,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> DatesOfBirth,
    IReadOnlyList<string> Nationalities,
    string? Remarks,
    string ContentHash)
{
    /// <summary>
    /// True when the list gives no type (the Denied Persons List, some CSL rows) and the importer guessed it from the name
    /// (<see cref="ListImporter.InferType"/>); a guessed type never lowers a score.
    /// </summary>
    public bool TypeInferred { get; init; }
}
