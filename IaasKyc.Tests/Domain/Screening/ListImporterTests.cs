using System.Security.Cryptography;
using System.Text;
using IaasKyc.Domain.Screening;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Screening;

public sealed class ListImporterTests(RealListsFixture lists) : IClassFixture<RealListsFixture>
{
    private const string Empty = "-0- ";

    private static string Sdn(int entNum, string name, string type = Empty, string programs = "\"CUBA\"", string remarks = Empty) =>
        $"{entNum},\"{name}\",{type},{programs},{Empty},{Empty},{Empty},{Empty},{Empty},{Empty},{Empty},{remarks}";

    /// <summary>OFAC style: CRLF line ends and a trailing 0x1A byte.</summary>
    private static byte[] Ofac(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\u001A");

    private static Dictionary<string, byte[]> OfacFiles(string[] sdn, string[]? alt = null, string[]? add = null) => new()
    {
        ["sdn"] = Ofac(sdn),
        ["alt"] = Ofac(alt ?? ["36,12,\"aka\",\"AERO-CARIBBEAN\",-0- "]),
        ["add"] = Ofac(add ?? ["36,25,-0- ,\"Havana\",\"Cuba\",-0- "]),
    };

    private static readonly string[] TwoEntries =
    [
        Sdn(36, "AEROCARIBBEAN AIRLINES"),
        Sdn(173, "ANGLO-CARIBBEAN CO., LTD.", remarks: "\"a.k.a. 'ACC'.\""),
    ];

    private static ListParseError Refused(ListSource source, Dictionary<string, byte[]> files)
    {
        var result = ListImporter.Parse(source, files);
        Assert.Null(result.List);
        return Assert.IsType<ListParseError>(result.Error);
    }

    [Fact]
    public void The_real_sdn_files_give_8976_entries_with_every_alias_and_the_addresses_that_say_something()
    {
        var sdn = lists.Sdn;

        Assert.Equal(8976, sdn.EntryCount);
        // The README's row counts: 11,910 alias rows, all kept; 13,837 address rows, of which 2,397 are "-0-" in address,
        // city and country alike and are not kept as addresses.
        Assert.Equal(11910, sdn.AliasCount);
        Assert.Equal(13837 - 2397, sdn.Entries.Sum(e => e.Addresses.Count));
        Assert.Equal(4620, sdn.Entries.Count(e => e.Type == ListEntryType.Individual));
        Assert.Equal(3673, sdn.Entries.Count(e => e.Type == ListEntryType.Entity));
        Assert.Equal(406, sdn.Entries.Count(e => e.Type == ListEntryType.Vessel));
        Assert.Equal(277, sdn.Entries.Count(e => e.Type == ListEntryType.Aircraft));
    }

    [Fact]
    public void An_sdn_entry_keeps_its_aliases_programs_addresses_and_the_facts_in_its_remarks()
    {
        var bank = lists.Ofac("306");
        var kim = lists.Ofac("20157");
        var leontyev = lists.Ofac("13086");

        Assert.Equal("BANCO NACIONAL DE CUBA", bank.Name);
        Assert.Equal(ListEntryType.Entity, bank.Type);
        Assert.Equal(["CUBA"], bank.Programs);
        Assert.Contains(new ListAlias("NATIONAL BANK OF CUBA", "aka"), bank.Aliases);
        Assert.Contains(new ListAddress("Zweierstrasse 35", "Zurich CH-8022", "Switzerland", "CH"), bank.Addresses);
        Assert.Contains("JP", bank.Countries);
        Assert.Equal(["KP"], kim.Countries);
        Assert.Equal(["1984-01-08"], kim.DatesOfBirth);
        Assert.Equal(["1971-07-05"], leontyev.DatesOfBirth);
        Assert.Equal(["RU"], leontyev.Nationalities);
    }

    [Fact]
    public void Every_country_name_in_the_real_address_file_maps_to_an_iso_code_except_regions_without_one()
    {
        var unknown = lists.Sdn.Entries.SelectMany(e => e.Addresses)
            .Where(a => a.Country is not null && a.CountryCode is null).Select(a => a.Country!).Distinct().Order().ToList();

        Assert.Equal(["Kosovo", "Netherlands Antilles", "Region: Kafia Kingi", "undetermined"], unknown);
        Assert.Equal("KP", CountryNames.ToIso("Korea, North"));
        Assert.Equal("MM", CountryNames.ToIso("Burma"));
        Assert.Equal("CD", CountryNames.ToIso("Congo, Democratic Republic of the"));
        Assert.Equal("UA", CountryNames.ToIso("Region: Crimea"));
        Assert.Equal("CI", CountryNames.ToIso("Cote d Ivoire"));
        Assert.Equal("CN", CountryNames.ToIso("PRC"));
    }

    [Fact]
    public void Dates_of_birth_and_nationalities_are_read_from_remarks_in_every_form_the_sdn_uses()
    {
        var facts = ListFacts.FromRemarks("DOB 17 Jan 1986; alt. DOB Jan 1987; alt. DOB 1988; alt. DOB circa 1960; DOB 1962 to 1964; "
            + "DOB 01 Jan 1961 to 31 Dec 1963; DOB circa 1960-1965; POB Moscow, Russia; nationality Russia; citizen Mexico; "
            + "Nationality of Registration Korea, North.");

        Assert.Equal(["1986-01-17", "1987-01", "1988", "1960~", "1962/1964", "1961-01-01/1963-12-31", "1960~/1965~"], facts.DatesOfBirth);
        Assert.Equal(["RU", "MX"], facts.Nationalities);
        Assert.Equal(["KP"], facts.RegistrationCountries);
        Assert.True(ListFacts.TryRange("1960~", out var from, out var to));
        Assert.Equal((new DateOnly(1958, 1, 1), new DateOnly(1962, 12, 31)), (from, to));
        Assert.True(ListFacts.TryRange("1962/1964", out from, out to));
        Assert.Equal((new DateOnly(1962, 1, 1), new DateOnly(1964, 12, 31)), (from, to));
    }

    [Fact]
    public void Crlf_the_trailing_1a_byte_the_0_padding_and_quoted_commas_are_accepted()
    {
        var result = ListImporter.Parse(ListSource.OfacSdn, OfacFiles(TwoEntries,
            ["36,12,\"aka\",\"AERO-CARIBBEAN\",-0- ", "173,57,\"fka\",\"AVIA IMPORT, S.A.\",-0- "]));

        var list = Assert.IsType<ParsedList>(result.List);
        Assert.Equal(["36", "173"], list.Entries.Select(e => e.EntryId));
        var anglo = list.Entries[1];
        Assert.Equal("ANGLO-CARIBBEAN CO., LTD.", anglo.Name);
        Assert.Equal(ListEntryType.Entity, anglo.Type);
        Assert.Equal("a.k.a. 'ACC'.", anglo.Remarks);
        Assert.Null(list.Entries[0].Remarks);
        Assert.Equal([new ListAlias("AVIA IMPORT, S.A.", "fka")], anglo.Aliases);
        Assert.Equal([new ListAddress(null, "Havana", "Cuba", "CU")], list.Entries[0].Addresses);
    }

    [Fact]
    public void Latin_1_bytes_are_decoded_so_that_diacritics_survive()
    {
        var latin1 = Encoding.Latin1.GetBytes(string.Join("\r\n", [Sdn(36, "MÜLLER, Jürgen", "\"individual\"")]) + "\r\n");
        var files = OfacFiles(TwoEntries);
        files["sdn"] = latin1;
        files["alt"] = Ofac("36,12,\"aka\",\"MUELLER, Juergen\",-0- ");

        var list = ListImporter.Parse(ListSource.OfacSdn, files).List;

        Assert.Equal("MÜLLER, Jürgen", Assert.Single(list!.Entries).Name);
    }

    [Fact]
    public void A_windows_1252_character_stored_as_a_c1_control_is_restored()
    {
        var entry = lists.Csl.Entries.Single(e => e.Name.StartsWith("Gui", StringComparison.Ordinal) && e.Name.Contains("New District", StringComparison.Ordinal));

        Assert.StartsWith("Gui’an New District", entry.Name);
    }

    [Fact]
    public void Each_digest_is_the_sha256_of_the_file_bytes()
    {
        var files = ListFiles.For(ListSource.OfacSdn);

        Assert.Equal(files.Select(f => new ListFileDigest(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)))), lists.Sdn.Files);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ListFiles.Read("bis-dpl.tsv"))), Assert.Single(lists.Dpl.Files).Sha256);
    }

    [Fact]
    public void The_denied_persons_list_gets_stable_ids_from_name_and_address()
    {
        var again = ListFiles.Parse(ListSource.BisDpl);

        Assert.Equal(581, lists.Dpl.EntryCount);
        Assert.Equal(lists.Dpl.Entries.Select(e => e.EntryId), again.Entries.Select(e => e.EntryId));
        Assert.Equal(lists.Dpl.Entries.Select(e => e.ContentHash), again.Entries.Select(e => e.ContentHash));
        Assert.Equal(581, lists.Dpl.Entries.Select(e => e.EntryId).Distinct().Count());
        Assert.All(lists.Dpl.Entries, e => Assert.Matches("^dpl-[0-9a-f]{20}(-[0-9]+)?$", e.EntryId));
        // Two rows repeat name and address (different orders): the second gets a suffix, in file order.
        Assert.Equal(2, lists.Dpl.Entries.Count(e => e.EntryId.EndsWith("-2", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_denied_persons_entry_keeps_its_address_country_and_a_guessed_type()
    {
        var ash = lists.Dpl.Entries.First(e => e.Name == "I. ASH");
        var airline = lists.Dpl.Entries.First(e => e.Name == "AIR FREIGHT LTD");

        Assert.Equal(ListEntryType.Individual, ash.Type);
        Assert.True(ash.TypeInferred);
        Assert.Equal(ListEntryType.Entity, airline.Type);
        Assert.Equal(["US"], ash.Countries);
        Assert.Equal("SEAGOVILLE, TX, 75159", Assert.Single(ash.Addresses).City);
    }

    [Fact]
    public void The_content_hash_changes_when_a_row_of_the_entry_changes_and_only_then()
    {
        var before = ListImporter.Parse(ListSource.OfacSdn, OfacFiles(TwoEntries)).List!;
        var after = ListImporter.Parse(ListSource.OfacSdn, OfacFiles(TwoEntries, ["36,12,\"aka\",\"AERO CARIBBEAN S.A.\",-0- "])).List!;

        Assert.NotEqual(before.Entries[0].ContentHash, after.Entries[0].ContentHash);
        Assert.Equal(before.Entries[0].EntryId, after.Entries[0].EntryId);
        Assert.Equal(before.Entries[1].ContentHash, after.Entries[1].ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", before.Entries[0].ContentHash);
    }

    [Fact]
    public void A_changed_denied_persons_row_keeps_its_id_but_changes_its_hash()
    {
        const string header = "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"";
        static byte[] Dpl(string action) => Encoding.UTF8.GetBytes(header + "\n\"JOHN DOE\"\t\"1 MAIN ST\"\t\"AUSTIN\"\t\"TX\"\t\"US\"\t\"78701\"\t\"01/01/2020\"\t\"01/01/2030\"\t\"Y\"\t\"2020-01-02\"\t\"" + action + "\"\t\"85 F.R. 1\"\n");

        var first = ListImporter.Parse(ListSource.BisDpl, new Dictionary<string, byte[]> { ["dpl"] = Dpl("FR NOTICE ADDED") }).List!.Entries[0];
        var second = ListImporter.Parse(ListSource.BisDpl, new Dictionary<string, byte[]> { ["dpl"] = Dpl("FR NOTICE UPDATED") }).List!.Entries[0];

        Assert.Equal(first.EntryId, second.EntryId);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void The_consolidated_list_sample_keeps_ids_aliases_addresses_and_programs()
    {
        var csl = lists.Csl;
        var gazprom = csl.Entries.Single(e => e.Name == "200G PSA HOLDINGS LLC");
        var havantur = csl.Entries.Single(e => e.Aliases.Any(a => a.Name == "HAVANTUR CANADA INC."));

        Assert.Equal(115, csl.EntryCount);
        Assert.Equal(68, csl.Entries.Count(e => !e.EntryId.StartsWith("csl-", StringComparison.Ordinal)));
        Assert.Equal(115, csl.Entries.Select(e => e.EntryId).Distinct().Count());
        Assert.Equal("20264", gazprom.EntryId);
        Assert.Equal(["SDN", "SDNTK"], gazprom.Programs);
        Assert.Equal(["US"], gazprom.Countries);
        Assert.Equal([new ListAlias("CARIBE SOL", "aka"), new ListAlias("HAVANTUR CANADA INC.", "aka")], havantur.Aliases);
        Assert.Equal(csl.Entries.Sum(e => e.Aliases.Count), csl.AliasCount);
    }

    [Fact]
    public void The_broken_consolidated_list_is_refused_at_its_second_line()
    {
        var error = Refused(ListSource.Csl, new() { ["csl"] = ListFiles.Read("csl-invalid.csv") });

        Assert.Equal(new ListParseError("csl", 2, "Expected 28 columns as in the header, found 2."), error);
    }

    public static TheoryData<string, string[], string[]?, string[]?, string, int, string> MalformedOfac => new()
    {
        { "a row with too few columns", [Sdn(36, "A"), "173,\"B\",-0- "], null, null, "sdn", 2, "Expected 12 columns, found 3." },
        { "an unterminated quote", [Sdn(36, "A"), "173,\"B,-0- ,-0- "], null, null, "sdn", 2, "A quoted field is not closed (an unterminated quote)." },
        { "a non-numeric ent_num", [Sdn(36, "A"), Sdn(36, "B").Replace("36,", "3x6,", StringComparison.Ordinal)], null, null, "sdn", 2, "ent_num \"3x6\" is not a positive whole number." },
        { "an empty name", [Sdn(36, "A"), "173,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "], null, null, "sdn", 2, "The name is empty." },
        { "a repeated ent_num", [Sdn(36, "A"), Sdn(36, "B")], null, null, "sdn", 2, "ent_num 36 appears twice (first on line 1)." },
        { "an alias of an unknown entry", [Sdn(36, "A")], ["36,1,\"aka\",\"X\",-0- ", "99,2,\"aka\",\"Y\",-0- "], null, "alt", 2, "ent_num 99 is not in the sdn file." },
        { "an address of an unknown entry", [Sdn(36, "A")], null, ["77,1,-0- ,\"Havana\",\"Cuba\",-0- "], "add", 1, "ent_num 77 is not in the sdn file." },
        { "an unknown alias type", [Sdn(36, "A")], ["36,1,\"bka\",\"X\",-0- "], null, "alt", 1, "Unknown alt_type \"bka\" (expected aka, fka or nka)." },
    };

    [Theory]
    [MemberData(nameof(MalformedOfac))]
    public void A_malformed_ofac_file_is_refused_whole_with_its_line(string why, string[] sdn, string[]? alt, string[]? add, string file, int line, string reason)
    {
        var error = Refused(ListSource.OfacSdn, OfacFiles(sdn, alt, add));

        Assert.True(new ListParseError(file, line, reason) == error, $"{why}: {error}");
    }

    [Fact]
    public void A_missing_file_is_refused_at_line_0()
    {
        var files = OfacFiles(TwoEntries);
        files.Remove("add");

        Assert.Equal(new ListParseError("add", 0, "The file is missing."), Refused(ListSource.OfacSdn, files));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var files = OfacFiles(TwoEntries);
        files["alt"] = [];

        Assert.Equal(new ListParseError("alt", 1, "The file is empty."), Refused(ListSource.OfacSdn, files));
    }

    [Fact]
    public void A_binary_file_is_refused_at_the_line_of_the_first_control_byte()
    {
        var files = OfacFiles(TwoEntries);
        files["sdn"] = [.. Ofac(TwoEntries)[..^1], 0x00, 0x01, 0x02];

        var error = Refused(ListSource.OfacSdn, files);

        Assert.Equal(("sdn", 3), (error.File, error.Line));
        Assert.Contains("not text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_that_is_neither_utf8_nor_windows_1252_is_refused()
    {
        var files = OfacFiles(TwoEntries);
        files["sdn"] = [.. Encoding.ASCII.GetBytes(Sdn(36, "A") + "\r\n"), .. Encoding.ASCII.GetBytes("173,\"B"), 0x81, .. Encoding.ASCII.GetBytes("\",-0- \r\n")];

        var error = Refused(ListSource.OfacSdn, files);

        Assert.Equal(("sdn", 2), (error.File, error.Line));
        Assert.Contains("0x81", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_expected_header_is_refused()
    {
        var error = Refused(ListSource.BisDpl, new() { ["dpl"] = ListFiles.Read("csl-sample.csv") });

        Assert.Equal(new ListParseError("dpl", 1, "The header row has no \"Name\" column (is this the right file?)."), error);
    }

    [Fact]
    public void Progress_is_reported_as_the_files_are_read_and_ends_at_one()
    {
        var reported = new List<double>();

        ListImporter.Parse(ListSource.OfacSdn, ListFiles.For(ListSource.OfacSdn), new SynchronousProgress(reported.Add));

        Assert.True(reported.Count >= 10, $"{reported.Count} reports");
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(1.0, reported[^1]);
        Assert.True(reported[0] < 0.2);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
