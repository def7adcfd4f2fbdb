using System.Text.RegularExpressions;

namespace IaasKyc.Domain.Screening;

public static partial class ListImporter
{
    /// <summary>A file with a header row: each record as a lookup by column name (case-insensitive).</summary>
    private static IEnumerable<(int Line, Func<string, string?> Column)> HeadedRecords(string file, string text, char separator,
        string[] required, ProgressTracker tracker)
    {
        var reader = new DelimitedReader(text, separator);
        var header = reader.Next(out var error);
        tracker.Advance(reader.Position);
        if (error is not null) throw new ListFormatException(file, reader.Line, error);
        if (header is null) throw new ListFormatException(file, 1, "The file is empty.");
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) index.TryAdd(header[i].Trim(), i);
        foreach (var column in required)
        {
            if (!index.ContainsKey(column))
                throw new ListFormatException(file, reader.Line, $"The header row has no \"{column}\" column (is this the right file?).");
        }

        var position = reader.Position;
        while (true)
        {
            var fields = reader.Next(out error);
            tracker.Advance(reader.Position - position);
            position = reader.Position;
            if (error is not null) throw new ListFormatException(file, reader.Line, error);
            if (fields is null) yield break;
            if (fields.Count != header.Count)
                throw new ListFormatException(file, reader.Line, $"Expected {header.Count} columns as in the header, found {fields.Count}.");
            yield return (reader.Line, name => index.TryGetValue(name, out var i) ? Value(fields[i]) : null);
        }
    }

    /// <summary>The BIS Denied Persons List: tab-separated with a header row; no identifiers, no types.</summary>
    private static List<ListEntry> ParseDpl(string text, ProgressTracker tracker)
    {
        var entries = new List<ListEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] required = ["Name", "Street_Address", "City", "State", "Country", "Postal_Code"];
        foreach (var (line, col) in HeadedRecords("dpl", text, '\t', required, tracker))
        {
            var name = col("Name") ?? throw new ListFormatException("dpl", line, "The name is empty.");
            var country = col("Country");
            var city = string.Join(", ", new[] { col("City"), col("State"), col("Postal_Code") }.OfType<string>());
            var address = new ListAddress(col("Street_Address"), city.Length == 0 ? null : city, country, CountryNames.ToIso(country));
            var id = Unique(seen, StableId("dpl", name, string.Join(", ", new[] { address.Street, city, country }.OfType<string>())));
            var remarks = string.Join("; ", new[]
            {
                col("Effective_Date") is { } from ? "effective " + from : null,
                col("Expiration_Date") is { } to ? "expires " + to : null,
                col("Action"), col("FR_Citation"),
            }.OfType<string>());
            entries.Add(Entry(ListSource.BisDpl, id, name, null, [], [], address.Street is null && address.City is null && country is null ? [] : [address],
                [], [], remarks.Length == 0 ? null : remarks));
        }
        return entries;
    }

    [GeneratedRegex(@"\(([A-Z][A-Z0-9-]*)\)")]
    private static partial Regex SourceAbbreviation();

    /// <summary>
    /// The Consolidated Screening List: CSV with a header; <c>alt_names</c>, <c>addresses</c>, <c>programs</c>,
    /// <c>dates_of_birth</c>, <c>nationalities</c> and <c>citizenships</c> are <c>;</c>-separated. The identifier is the
    /// <c>id</c> column when the file has one, else <c>entity_number</c>, else a stable hash of name and address.
    /// </summary>
    private static List<ListEntry> ParseCsl(string text, ProgressTracker tracker)
    {
        var entries = new List<ListEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, col) in HeadedRecords("csl", text, ',', ["source", "name"], tracker))
        {
            var name = col("name") ?? throw new ListFormatException("csl", line, "The name is empty.");
            static List<string> Split(string? v) => [.. (v ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

            var addresses = Split(col("addresses")).Select(CslAddress).ToList();
            var id = col("id") ?? col("entity_number") ?? StableId("csl", name, col("addresses"));
            id = Unique(seen, id);
            ListEntryType? type = col("type")?.ToLowerInvariant() switch
            {
                "individual" => ListEntryType.Individual,
                "entity" => ListEntryType.Entity,
                "vessel" => ListEntryType.Vessel,
                "aircraft" => ListEntryType.Aircraft,
                _ => null,
            };
            var programs = Split(col("programs"));
            if (col("source") is { } source && SourceAbbreviation().Match(source) is { Success: true } abbreviation)
                programs.Insert(0, abbreviation.Groups[1].Value);
            var nationalities = Split(col("nationalities")).Concat(Split(col("citizenships")))
                .Select(CountryNames.ToIso).OfType<string>().Distinct().ToList();
            var dobs = Split(col("dates_of_birth")).Where(d => ListFacts.TryRange(d, out _, out _)).Distinct().ToList();
            var aliases = Split(col("alt_names")).Select(a => new ListAlias(a, "aka")).ToList();
            entries.Add(Entry(ListSource.Csl, id, name, type, programs, aliases, addresses, dobs, nationalities, col("remarks")));
        }
        return entries;
    }

    /// <summary>A CSL address "street, city, state, postal code, CC": the trailing part is the ISO country code when it is one.</summary>
    private static ListAddress CslAddress(string text)
    {
        var comma = text.LastIndexOf(',');
        var last = (comma < 0 ? text : text[(comma + 1)..]).Trim();
        var code = last.Length == 2 ? CountryNames.ToIso(last) : null;
        if (code is null) return new ListAddress(text, null, null, null);
        return new ListAddress(comma < 0 ? null : text[..comma].Trim(), null, last, code);
    }

    private static ListEntry Entry(ListSource source, string id, string name, ListEntryType? type, List<string> programs,
        List<ListAlias> aliases, List<ListAddress> addresses, List<string> dobs, List<string> nationalities, string? remarks)
    {
        var actualType = type ?? InferType(name);
        var countries = addresses.Select(a => a.CountryCode).OfType<string>().Distinct().ToList();
        var hash = ContentHash(source, id, name, actualType, programs, aliases, addresses, countries, dobs, nationalities, remarks);
        return new ListEntry(source, id, name, actualType, programs, aliases, addresses, countries, dobs, nationalities, remarks, hash)
        {
            TypeInferred = type is null,
        };
    }
}
