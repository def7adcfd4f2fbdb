using IaasKyc.Domain.Screening;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The real OFAC, BIS and CSL files in <c>../shared/data/lists</c> (next to the repository root, the folder holding
/// IaasKyc.sln), loaded as the dictionary <see cref="ListImporter.Parse"/> takes.
/// </summary>
public static class ListFiles
{
    public static string Folder { get; } = Locate();

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    /// <summary>The files of one source keyed by field name: sdn/alt/add, dpl, or csl (the 115-row sample).</summary>
    public static Dictionary<string, byte[]> For(ListSource source) => source switch
    {
        ListSource.OfacSdn => new() { ["sdn"] = Read("ofac-sdn.csv"), ["alt"] = Read("ofac-alt.csv"), ["add"] = Read("ofac-add.csv") },
        ListSource.BisDpl => new() { ["dpl"] = Read("bis-dpl.tsv") },
        _ => new() { ["csl"] = Read("csl-sample.csv") },
    };

    /// <summary>The parsed list of one source; fails the test with the importer's error if the real file is refused.</summary>
    public static ParsedList Parse(ListSource source)
    {
        var result = ListImporter.Parse(source, For(source));
        return result.List ?? throw new InvalidOperationException($"{source} refused: {result.Error}");
    }

    /// <summary>
    /// <c>IAASKYC_LISTS</c> when set; otherwise <c>shared/data/lists</c> next to the repository root or next to any folder
    /// above it (a clone may sit deeper than the checkout it was made from); otherwise this machine's <c>/work/shared</c>.
    /// </summary>
    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("IAASKYC_LISTS") is { Length: > 0 } configured) return configured;
        DirectoryInfo? root = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && root is null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaasKyc.sln"))) root = dir;
        }
        if (root is null) throw new DirectoryNotFoundException("IaasKyc.sln was not found above " + AppContext.BaseDirectory);
        for (var dir = root.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "lists");
            if (Directory.Exists(candidate)) return candidate;
        }
        const string machine = "/work/shared/data/lists";
        return Directory.Exists(machine)
            ? machine
            : throw new DirectoryNotFoundException($"The real list files were not found next to {root.FullName} or above it; set IAASKYC_LISTS to their folder.");
    }
}
