using System.Globalization;

namespace IaasKyc.Domain.Screening;

public static partial class ListImporter
{
    private sealed class OfacDraft(int line, string id, string name, ListEntryType type, List<string> programs, string? vesselFlag, string? remarks)
    {
        public int Line { get; } = line;
        public string Id { get; } = id;
        public string Name { get; } = name;
        public ListEntryType Type { get; } = type;
        public List<string> Programs { get; } = programs;
        public string? VesselFlag { get; } = vesselFlag;
        public string? Remarks { get; } = remarks;
        public List<ListAlias> Aliases { get; } = [];
        public List<ListAddress> Addresses { get; } = [];
    }

    /// <summary>
    /// OFAC's legacy CSV: <c>sdn</c> (ent_num, name, type, programs, title, call sign, vessel type, tonnage, GRT, vessel flag,
    /// vessel owner, remarks), <c>alt</c> (ent_num, alt_num, alt_type, alt_name, remarks) and <c>add</c> (ent_num, add_num,
    /// address, city/state/postal, country, remarks), no header, "-0-" for empty.
    /// </summary>
    private static List<ListEntry> ParseOfac(string sdn, string alt, string add, ProgressTracker tracker)
    {
        var drafts = new Dictionary<int, OfacDraft>();
        var order = new List<OfacDraft>();
        foreach (var (line, f) in Records("sdn", sdn, ',', 12, tracker))
        {
            var entNum = EntNum("sdn", line, f[0]);
            var name = Required("sdn", line, f[1], "name");
            var type = Value(f[2])?.ToLowerInvariant() switch
            {
                null => ListEntryType.Entity,
                "individual" => ListEntryType.Individual,
                "vessel" => ListEntryType.Vessel,
                "aircraft" => ListEntryType.Aircraft,
                var other => throw new ListFormatException("sdn", line, $"Unknown type \"{other}\" (expected individual, vessel, aircraft or -0-)."),
            };
            var programs = (Value(f[3]) ?? "").Split(["] [", "[", "]"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var draft = new OfacDraft(line, entNum.ToString(CultureInfo.InvariantCulture), name, type, programs, Value(f[9]), Value(f[11]));
            if (!drafts.TryAdd(entNum, draft))
                throw new ListFormatException("sdn", line, $"ent_num {entNum} appears twice (first on line {drafts[entNum].Line}).");
            order.Add(draft);
        }

        foreach (var (line, f) in Records("alt", alt, ',', 5, tracker))
        {
            var draft = Owner("alt", line, f[0], drafts);
            var kind = Value(f[2])?.ToLowerInvariant() ?? "aka";
            if (kind is not ("aka" or "fka" or "nka"))
                throw new ListFormatException("alt", line, $"Unknown alt_type \"{f[2].Trim()}\" (expected aka, fka or nka).");
            draft.Aliases.Add(new ListAlias(Required("alt", line, f[3], "alias name"), kind));
        }

        foreach (var (line, f) in Records("add", add, ',', 6, tracker))
        {
            var draft = Owner("add", line, f[0], drafts);
            var (street, city, country) = (Value(f[2]), Value(f[3]), Value(f[4]));
            // 2,397 rows of the real file say nothing at all ("-0-" everywhere): they are not addresses.
            if (street is null && city is null && country is null) continue;
            draft.Addresses.Add(new ListAddress(street, city, country, CountryNames.ToIso(country)));
        }

        var entries = new List<ListEntry>(order.Count);
        foreach (var d in order)
        {
            var facts = ListFacts.FromRemarks(d.Remarks);
            var countries = d.Addresses.Select(a => a.CountryCode).Concat(facts.RegistrationCountries)
                .Append(CountryNames.ToIso(d.VesselFlag)).OfType<string>().Distinct().ToList();
            entries.Add(new ListEntry(ListSource.OfacSdn, d.Id, d.Name, d.Type, d.Programs, d.Aliases, d.Addresses, countries,
                facts.DatesOfBirth, facts.Nationalities, d.Remarks,
                ContentHash(ListSource.OfacSdn, d.Id, d.Name, d.Type, d.Programs, d.Aliases, d.Addresses, countries,
                    facts.DatesOfBirth, facts.Nationalities, d.Remarks)));
        }
        return entries;
    }

    private static int EntNum(string file, int line, string field)
    {
        var v = field.Trim();
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ListFormatException(file, line, $"ent_num \"{v}\" is not a positive whole number.");
    }

    private static OfacDraft Owner(string file, int line, string field, Dictionary<int, OfacDraft> drafts)
    {
        var entNum = EntNum(file, line, field);
        return drafts.TryGetValue(entNum, out var draft)
            ? draft : throw new ListFormatException(file, line, $"ent_num {entNum} is not in the sdn file.");
    }
}
