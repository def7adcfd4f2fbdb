using System.Text;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Tests.Support;

/// <summary>
/// Small lists in the real files' formats (CRLF, <c>-0- </c> padding, a trailing 0x1A), made up for service tests so
/// that each test knows exactly which names are listed. The importer itself is tested against the real files.
/// </summary>
public static class ListFixtures
{
    public const string Pad = "-0- ";

    /// <summary>Two SDN entries: an entity with an alias and an address, and an individual with a date of birth.</summary>
    public static Dictionary<string, byte[]> Sdn(string entityRemarks = "Linked To: FEDERAL SECURITY SERVICE.") => new()
    {
        ["sdn"] = Bytes(
            $"9001,\"KORVEX DATA SYSTEMS LLC\",{Pad},\"CYBER2\",{Pad},{Pad},{Pad},{Pad},{Pad},{Pad},{Pad},\"{entityRemarks}\"",
            $"9002,\"VOLKOV, Andrei Sergeyevich\",\"individual\",\"CYBER2\",{Pad},{Pad},{Pad},{Pad},{Pad},{Pad},{Pad},\"DOB 12 Apr 1979; nationality Russia.\""),
        ["alt"] = Bytes($"9001,101,\"aka\",\"KORVEKS DATA\",{Pad}"),
        ["add"] = Bytes($"9001,201,\"ul. Lesnaya 5\",\"Moscow 125047\",\"Russia\",{Pad}", $"9002,202,{Pad},\"Moscow\",\"Russia\",{Pad}"),
    };

    /// <summary>A CSL file whose second data row is cut short (a quote never closed).</summary>
    public static Dictionary<string, byte[]> BrokenCsl() => new()
    {
        ["csl"] = Encoding.UTF8.GetBytes(
            "source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n" +
            "Entity List (EL) - Bureau of Industry and Security,,,,Example Entity,,\"1 Main St, Minsk, BY\",,,,,,,,,,,,,,,,,,,,,\n" +
            "Entity List (EL) - Bureau of Industry and Security,,,,\"Broken Entity,,,,,,,,,,,,,,,,,,,,,,,\n"),
    };

    public static Dictionary<string, byte[]> Files(ListSource source, params (string Name, byte[] Content)[] files) =>
        files.ToDictionary(f => f.Name, f => f.Content);

    private static byte[] Bytes(params string[] rows) => [.. Encoding.Latin1.GetBytes(string.Join("\r\n", rows) + "\r\n"), 0x1A];
}
