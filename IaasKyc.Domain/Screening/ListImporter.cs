using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IaasKyc.Domain.Screening;

/// <summary>The SHA-256 (lower-case hex) of one imported file, under its field name (<c>sdn</c>, <c>alt</c>, <c>add</c>, <c>dpl</c>, <c>csl</c>).</summary>
public sealed record ListFileDigest(string Name, string Sha256);

/// <summary>Why a file was refused: the file's field name, the 1-based line and a reason a person can act on.</summary>
public sealed record ListParseError(string File, int Line, string Reason);

/// <summary>A parsed list: its entries, the digest of each file, and the counts a snapshot records.</summary>
public sealed record ParsedList(ListSource Source, IReadOnlyList<ListEntry> Entries, IReadOnlyList<ListFileDigest> Files)
{
    public int EntryCount => Entries.Count;
    public int AliasCount => Entries.Sum(e => e.Aliases.Count);
}

/// <summary>Either a parsed list or the error that refused it whole.</summary>
public sealed record ListParseResult(ParsedList? List, ListParseError? Error);

/// <summary>
/// Importers for the OFAC SDN (three files sharing <c>ent_num</c>), the BIS Denied Persons List (tab-separated with a header)
/// and the Consolidated Screening List (CSV with a header, <c>alt_names</c> separated by <c>;</c>). The real files' quirks
/// (CRLF, a trailing 0x1A byte, <c>-0- </c> padding, quoted commas) are accepted; a malformed file is refused whole.
/// </summary>
public static partial class ListImporter
{
    /// <summary>
    /// Parses the files of one source. <paramref name="files"/> is keyed by field name (<see cref="ListSources.FileNames"/>);
    /// a missing file is an error on that name at line 0. <paramref name="progress"/> receives the fraction done (0..1).
    /// </summary>
    public static ListParseResult Parse(ListSource source, IReadOnlyDictionary<string, byte[]> files, IProgress<double>? progress = null)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var digests = new List<ListFileDigest>();
        foreach (var name in source.FileNames())
        {
            if (!files.TryGetValue(name, out var bytes) || bytes is null)
                return Refuse(name, 0, "The file is missing.");
            digests.Add(new ListFileDigest(name, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            var (text, line, reason) = DelimitedText.Decode(bytes);
            if (text is null) return Refuse(name, line, reason!);
            texts[name] = text;
        }

        var tracker = new ProgressTracker(progress, texts.Values.Sum(t => (long)t.Length));
        try
        {
            var entries = source switch
            {
                ListSource.OfacSdn => ParseOfac(texts["sdn"], texts["alt"], texts["add"], tracker),
                ListSource.BisDpl => ParseDpl(texts["dpl"], tracker),
                _ => ParseCsl(texts["csl"], tracker),
            };
            progress?.Report(1);
            return new ListParseResult(new ParsedList(source, entries, digests), null);
        }
        catch (ListFormatException e)
        {
            return Refuse(e.File, e.Line, e.Message);
        }
    }

    private static ListParseResult Refuse(string file, int line, string reason) => new(null, new ListParseError(file, line, reason));

    /// <summary>Refuses the file being read: caught in <see cref="Parse"/> and returned as a <see cref="ListParseError"/>.</summary>
    private sealed class ListFormatException(string file, int line, string reason) : Exception(reason)
    {
        public string File { get; } = file;
        public int Line { get; } = line;
    }

    /// <summary>Reports the share of all characters read, at most once per percent.</summary>
    private sealed class ProgressTracker(IProgress<double>? progress, long total)
    {
        private long _done;
        private double _reported;

        public void Advance(long characters)
        {
            _done += characters;
            if (progress is null || total == 0) return;
            var fraction = Math.Min(1, (double)_done / total);
            if (fraction - _reported < 0.01) return;
            _reported = fraction;
            progress.Report(fraction);
        }
    }

    /// <summary>Reads every record of one file, refusing a record whose field count differs from <paramref name="columns"/>.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string file, string text, char separator, int columns, ProgressTracker tracker)
    {
        var reader = new DelimitedReader(text, separator);
        var position = 0;
        while (true)
        {
            var fields = reader.Next(out var error);
            tracker.Advance(reader.Position - position);
            position = reader.Position;
            if (error is not null) throw new ListFormatException(file, reader.Line, error);
            if (fields is null) yield break;
            if (fields.Count != columns)
                throw new ListFormatException(file, reader.Line, $"Expected {columns} columns, found {fields.Count}.");
            yield return (reader.Line, fields);
        }
    }

    /// <summary>A field's value: trimmed, with OFAC's "-0-" (empty) as null.</summary>
    private static string? Value(string field)
    {
        var v = field.Trim();
        return v.Length == 0 || v == "-0-" ? null : v;
    }

    private static string Required(string file, int line, string field, string what) =>
        Value(field) ?? throw new ListFormatException(file, line, $"The {what} is empty.");

    /// <summary>SHA-256 (lower-case hex) of everything an entry says, so that any change to the entry changes it.</summary>
    private static string ContentHash(ListSource source, string id, string name, ListEntryType type, IEnumerable<string> programs,
        IEnumerable<ListAlias> aliases, IEnumerable<ListAddress> addresses, IEnumerable<string> countries, IEnumerable<string> dobs,
        IEnumerable<string> nationalities, string? remarks)
    {
        var sb = new StringBuilder();
        void Add(string? v) => sb.Append(v ?? "").Append('\u001F');
        Add(source.Code());
        Add(id);
        Add(name);
        Add(type.Code());
        foreach (var p in programs) Add(p);
        sb.Append('\u001E');
        foreach (var a in aliases) { Add(a.Kind); Add(a.Name); }
        sb.Append('\u001E');
        foreach (var a in addresses) { Add(a.Street); Add(a.City); Add(a.Country); Add(a.CountryCode); }
        sb.Append('\u001E');
        foreach (var c in countries) Add(c);
        sb.Append('\u001E');
        foreach (var d in dobs) Add(d);
        sb.Append('\u001E');
        foreach (var n in nationalities) Add(n);
        sb.Append('\u001E');
        Add(remarks);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>
    /// api.md "Lists as files": an entry without an identifier gets a hash of its normalised name and address. The
    /// normalisation here is fixed (diacritics removed, upper case, single spaces) and independent of the matcher's, so that
    /// tuning the matcher never changes an identifier and a remembered decision keeps following its entry.
    /// </summary>
    public static string StableId(string prefix, string name, string? address)
    {
        static string Norm(string? s)
        {
            var folded = new StringBuilder();
            foreach (var c in (s ?? "").Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                if (char.IsWhiteSpace(c)) { if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' '); continue; }
                folded.Append(char.ToUpperInvariant(c));
            }
            return folded.ToString().Trim();
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Norm(name) + "\n" + Norm(address)));
        return prefix + "-" + Convert.ToHexStringLower(hash)[..20];
    }

    /// <summary>Gives a repeated identifier a suffix in file order (-2, -3, ...), so that identical rows stay distinct and stable.</summary>
    private static string Unique(Dictionary<string, int> seen, string id)
    {
        var n = seen.TryGetValue(id, out var count) ? count + 1 : 1;
        seen[id] = n;
        return n == 1 ? id : $"{id}-{n}";
    }

    private static readonly HashSet<string> EntityWords = new(StringComparer.Ordinal)
    {
        "airlines", "airline", "airways", "aviation", "bank", "trading", "group", "industries", "industrial", "institute", "university",
        "technology", "technologies", "research", "center", "centre", "ministry", "regiment", "academy", "corporation", "company",
        "enterprise", "enterprises", "international", "electronics", "services", "systems", "solutions", "shipping", "logistics",
        "engineering", "laboratory", "laboratories", "factory", "plant", "association", "organization", "organisation", "bureau",
        "department", "office", "agency", "foundation", "holdings", "holding", "import", "export", "associates", "partners",
        "management", "consulting", "investments", "investment", "manufacturing", "products", "supply", "supplies", "marine",
        "aerospace", "energy", "petroleum", "resources", "establishment", "network", "cargo", "freight", "express", "global",
        "imports", "exports", "design", "bureau", "school", "college", "hospital", "fund", "committee", "council", "party",
        "army", "brigade", "division", "forces", "front", "movement", "media", "net", "com", "tech", "labs",
    };

    /// <summary>
    /// A list that gives no type (the Denied Persons List, some CSL rows): an entity when the name carries a legal form, an
    /// organisation word or a digit, otherwise an individual. Such a type is marked inferred and never lowers a score.
    /// </summary>
    public static ListEntryType InferType(string name)
    {
        var tokens = NameNormalizer.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Any(t => NameNormalizer.LegalForms.Contains(t) || EntityWords.Contains(t) || t.Any(char.IsDigit))
            ? ListEntryType.Entity : ListEntryType.Individual;
    }
}
