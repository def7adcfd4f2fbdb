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
        => throw new NotImplementedException();
}
