using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 5, Performance: against SDN + aliases + DPL (about 21,500 names) on one core, index build ≤ 1 s, a search p50 ≤ 2 ms
/// and p99 ≤ 10 ms, at least 40 times faster than a plain loop scoring every name with Jaro-Winkler, re-screening 10,000
/// subjects ≤ 20 s, the index ≤ 100 MB. Also the threshold evidence of the Screening README: alerts raised by common
/// first/last names and generic company names, and the variants of real names found, at each threshold.
/// </summary>
public static partial class ScreeningBench
{
    private static readonly string[] FirstNames = ["John", "Michael", "David", "James", "Robert", "Maria", "Jose", "Juan", "Carlos", "Luis",
        "Wei", "Li", "Ming", "Mohammed", "Muhammad", "Ahmed", "Ali", "Hassan", "Omar", "Fatima", "Ivan", "Sergei", "Olga", "Elena",
        "Anna", "Peter", "Paul", "Thomas", "Daniel", "Sarah", "Emma", "Priya", "Raj", "Amit", "Min-jun", "Hiroshi", "Yuki", "Abdul",
        "Mehmet", "Ana"];
    private static readonly string[] LastNames = ["Smith", "Johnson", "Williams", "Brown", "Garcia", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Zhang", "Wang", "Li", "Liu", "Chen", "Khan", "Ahmed", "Ali", "Hassan", "Hussein", "Ivanov", "Petrov",
        "Smirnov", "Kim", "Lee", "Park", "Nguyen", "Tran", "Patel", "Sharma", "Singh", "Muller", "Schmidt", "Rossi", "Silva",
        "Santos", "Cohen", "Levy", "Yilmaz", "Kaya"];
    private static readonly string[] CompanyWords = ["Global", "International", "General", "Eastern", "Pacific", "Atlantic", "Star",
        "Golden", "Royal", "United", "First", "National", "Modern", "Advanced", "Green", "Blue", "Silver", "Delta", "Alpha", "Summit"];
    private static readonly string[] CompanyTrades = ["Trading", "Holdings", "Industries", "Technologies", "Logistics", "Shipping",
        "Services", "Investments", "Solutions", "Group", "Energy", "Electronics"];
    private static readonly string[] LegalSuffixes = ["Ltd", "LLC", "Company", "GmbH", "Inc.", "S.A.", "Co., Ltd.", "JSC"];
    private static readonly double[] Thresholds = [0.80, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88, 0.89, 0.90, 0.92, 0.94];

    public static Task<int> RunAsync()
    {
        Console.WriteLine(Measure.Machine());
        var folder = ListsFolder();
        if (folder is null)
        {
            Console.Error.WriteLine("The list files (../shared/data/lists next to the repository) were not found.");
            return Task.FromResult(1);
        }
        var clock = Stopwatch.StartNew();
        var sdn = Parse(ListSource.OfacSdn, folder, ("sdn", "ofac-sdn.csv"), ("alt", "ofac-alt.csv"), ("add", "ofac-add.csv"));
        var dpl = Parse(ListSource.BisDpl, folder, ("dpl", "bis-dpl.tsv"));
        Console.WriteLine($"Parsed SDN ({sdn.EntryCount:N0} entries, {sdn.AliasCount:N0} aliases) and DPL ({dpl.EntryCount:N0}) in {clock.ElapsedMilliseconds} ms");
        List<ListEntry> entries = [.. sdn.Entries, .. dpl.Entries];

        // Index build and memory: the index stays referenced while memory is read.
        var before = GC.GetTotalMemory(true);
        var index = ScreeningIndex.Build(entries);
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"Index: {index.EntryCount:N0} entries, {index.NameCount:N0} names, {index.TokenCount:N0} distinct tokens; "
            + $"memory {(after - before) / 1024.0 / 1024.0:0.0} MB [target <= 100 MB]");
        var builds = Measure.RepeatAsync(1, 5, _ => { GC.KeepAlive(ScreeningIndex.Build(entries)); return Task.CompletedTask; }).GetAwaiter().GetResult();
        Console.WriteLine($"Index build: {Measure.Describe(builds)} [target <= 1000 ms]");

        var random = new Random(5);
        var variants = Variants(entries, random, 600);
        var common = CommonNames();
        var companies = CompanyNames(random);
        var mix = variants.Select(v => new ScreeningQuery(v.Query)).Concat(common.Take(300).Select(n => new ScreeningQuery(n)))
            .Concat(companies.Take(100).Select(n => new ScreeningQuery(n))).OrderBy(_ => random.Next()).ToList();

        var hits = 0;
        var searchCpu = new List<double>();
        var search = Measure.RepeatAsync(200, mix.Count, i =>
        {
            var cpu = ThreadCpu.Milliseconds();
            hits += index.Search(mix[i % mix.Count]).Count;
            if (i >= 200) searchCpu.Add(ThreadCpu.Milliseconds() - cpu);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        var searchCpuSorted = searchCpu.Order().ToArray();
        Console.WriteLine($"Search ({mix.Count} queries: {variants.Count} variants of real names, 300 common names, 100 company names; {hits} hits): "
            + $"{Measure.Describe(search)}, p99 {Measure.Percentile(search, 99):0.00} ms, mean {search.Average():0.00} ms [target p50 <= 2 ms, p99 <= 10 ms]");
        if (ThreadCpu.Available)
            Console.WriteLine($"  the same searches in thread CPU time (what the query costs, whatever else runs): p50 {Measure.Percentile(searchCpuSorted, 50):0.00} ms, "
                + $"p95 {Measure.Percentile(searchCpuSorted, 95):0.00} ms, p99 {Measure.Percentile(searchCpuSorted, 99):0.00} ms, max {searchCpuSorted[^1]:0.00} ms, mean {searchCpuSorted.Average():0.00} ms");

        var slowest = mix.Select(q =>
        {
            var c = Stopwatch.StartNew();
            for (var r = 0; r < 3; r++) index.Search(q);
            return (q.Name, Ms: c.Elapsed.TotalMilliseconds / 3);
        }).OrderByDescending(x => x.Ms).Take(5);
        Console.WriteLine("Slowest queries (mean of 3): " + string.Join("; ", slowest.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name} {x.Ms:0.0} ms"))));

        // The plain loop: the same token-wise scoring, every name, no index (tokens prepared once, as an index would).
        var prepared = entries.SelectMany(e => e.Aliases.Select(a => a.Name).Prepend(e.Name)
            .Select(n => (Entry: e, Tokens: NameNormalizer.Normalize(n, e.Type == ListEntryType.Individual).Tokens.ToArray()))).ToList();
        var loopQueries = mix.Take(40).ToList();
        var missed = 0;
        var loopCpu = new List<double>();
        var loop = Measure.RepeatAsync(2, loopQueries.Count, i =>
        {
            var cpu = ThreadCpu.Milliseconds();
            var query = loopQueries[i % loopQueries.Count];
            var q = NameNormalizer.Normalize(query.Name).Tokens.ToArray();
            var found = new HashSet<ListEntry>();
            foreach (var (entry, tokens) in prepared)
            {
                var sims = new double[q.Length * tokens.Length];
                for (var a = 0; a < q.Length; a++)
                    for (var b = 0; b < tokens.Length; b++)
                        sims[a * tokens.Length + b] = NameScorer.TokenSimilarity(q[a], tokens[b], entry.Type == ListEntryType.Individual);
                if (NameScorer.Score(q, tokens, sims, index.CommonTokens).Score >= ScreeningIndex.DefaultThreshold) found.Add(entry);
            }
            if (i >= 2) loopCpu.Add(ThreadCpu.Milliseconds() - cpu);
            var viaIndex = index.Search(query, limit: int.MaxValue).Select(h => h.Entry).ToHashSet();
            missed += found.Count(e => !viaIndex.Contains(e));
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        Console.WriteLine($"Plain loop scoring all {prepared.Count:N0} names ({loopQueries.Count} queries): {Measure.Describe(loop)}; "
            + $"index is {Measure.Percentile(loop, 50) / Measure.Percentile(search, 50):0}x faster at p50 (mean {loop.Average() / search.Average():0}x) [target >= 40x]; "
            + $"hits the index missed: {missed}");
        if (ThreadCpu.Available)
        {
            var loopCpuSorted = loopCpu.Order().ToArray();
            Console.WriteLine($"  in thread CPU time: loop p50 {Measure.Percentile(loopCpuSorted, 50):0.00} ms, mean {loopCpuSorted.Average():0.00} ms; "
                + $"index {Measure.Percentile(loopCpuSorted, 50) / Measure.Percentile(searchCpuSorted, 50):0}x faster at p50, {loopCpuSorted.Average() / searchCpuSorted.Average():0}x on the mean");
        }

        // The naive loop: NameMatcher.Compare on every name, normalising each list name again for every query.
        var allNames = entries.SelectMany(e => e.Aliases.Select(a => a.Name).Prepend(e.Name).Select(n => (Entry: e, Name: n))).ToList();
        var naiveQueries = mix.Take(10).ToList();
        var naive = Measure.RepeatAsync(1, naiveQueries.Count, i =>
        {
            var query = naiveQueries[i % naiveQueries.Count];
            GC.KeepAlive(allNames.Count(n => NameMatcher.Compare(query, n.Name, n.Entry.Type).Score >= ScreeningIndex.DefaultThreshold));
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        Console.WriteLine($"Naive loop, NameMatcher.Compare on all {allNames.Count:N0} names ({naiveQueries.Count} queries): {Measure.Describe(naive)}; "
            + $"index is {Measure.Percentile(naive, 50) / Measure.Percentile(search, 50):0}x faster at p50");

        // Re-screening: 10,000 subjects with qualifiers, one core, one after the other.
        var subjects = Enumerable.Range(0, 10_000).Select(i =>
        {
            var individual = i % 3 != 0;
            var name = i % 25 == 0 ? variants[i / 25 % variants.Count].Query
                : individual ? $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}"
                : companies[random.Next(companies.Count)];
            return new ScreeningQuery(name, individual ? ListEntryType.Individual : ListEntryType.Entity, i % 2 == 0 ? "US" : "DE",
                individual ? new DateOnly(1950 + i % 50, 1 + i % 12, 1 + i % 28) : null);
        }).ToList();
        clock.Restart();
        var rescreenCpu = ThreadCpu.Milliseconds();
        var rescreenHits = subjects.Sum(s => index.Search(s).Count);
        rescreenCpu = ThreadCpu.Milliseconds() - rescreenCpu;
        Console.WriteLine($"Re-screening 10,000 subjects (type, country, date of birth given; one in 25 a variant of a listed name): "
            + $"{clock.Elapsed.TotalSeconds:0.00} s, thread CPU {rescreenCpu / 1000:0.00} s, {rescreenHits} hits [target <= 20 s]");

        ThresholdTable(index, variants, common, companies);
        GC.KeepAlive(index);
        return Task.FromResult(0);
    }

    /// <summary>The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): the cost of work, without the time other processes took the core.</summary>
    private static partial class ThreadCpu
    {
        private const int ThreadCpuTimeId = 3;

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [LibraryImport("libc", EntryPoint = "clock_gettime")]
        private static partial int ClockGetTime(int clock, out TimeSpec time);

        public static bool Available { get; } = OperatingSystem.IsLinux();

        public static double Milliseconds() =>
            Available && ClockGetTime(ThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : 0;
    }

    /// <summary>Prints the hits of one name down to 0.5, with explanations: for tuning and for answering "why did this alert?".</summary>
    public static Task<int> QueryAsync(string name)
    {
        var folder = ListsFolder() ?? throw new InvalidOperationException("The list files were not found.");
        var sdn = Parse(ListSource.OfacSdn, folder, ("sdn", "ofac-sdn.csv"), ("alt", "ofac-alt.csv"), ("add", "ofac-add.csv"));
        var dpl = Parse(ListSource.BisDpl, folder, ("dpl", "bis-dpl.tsv"));
        var index = ScreeningIndex.Build([.. sdn.Entries, .. dpl.Entries]);
        for (var i = 0; i < 200; i++) index.Search(new ScreeningQuery(name)); // past tiered compilation
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime;
        for (var i = 0; i < 50; i++) index.Search(new ScreeningQuery(name));
        var cpuMs = (Environment.CpuUsage.UserTime + Environment.CpuUsage.PrivilegedTime - cpu).TotalMilliseconds / 50;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search at the default threshold: {clock.Elapsed.TotalMilliseconds / 50:0.00} ms wall, {cpuMs:0.00} ms CPU"));
        foreach (var hit in index.Search(new ScreeningQuery(name), 0.5, 15))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hit.Score:0.000} {hit.MatchedName} ({hit.Entry.Source.Code()} {hit.Entry.EntryId}): {hit.Explanation.Text}"));
        return Task.FromResult(0);
    }

    /// <summary>Per threshold: common-name and company-name queries that raise an alert, and real-name variants found.</summary>
    private static void ThresholdTable(ScreeningIndex index, List<(string Query, ListEntry Entry, string Kind)> variants, List<string> common, List<string> companies)
    {
        var low = Thresholds[0];
        var commonBest = common.Select(n => index.Search(new ScreeningQuery(n), low, 1).FirstOrDefault()?.Score ?? 0).ToList();
        var companyBest = companies.Select(n => index.Search(new ScreeningQuery(n), low, 1).FirstOrDefault()?.Score ?? 0).ToList();
        var commonTyped = common.Select(n => index.Search(new ScreeningQuery(n, ListEntryType.Individual), low, 1).FirstOrDefault()?.Score ?? 0).ToList();
        var companyTyped = companies.Select(n => index.Search(new ScreeningQuery(n, ListEntryType.Entity), low, 1).FirstOrDefault()?.Score ?? 0).ToList();
        var found = variants.Select(v => index.Search(new ScreeningQuery(v.Query), low, 50).FirstOrDefault(h => h.Entry == v.Entry)?.Score ?? 0).ToList();
        Console.WriteLine();
        Console.WriteLine($"| threshold | common names alerting (of {common.Count}) | … typed individual | company names alerting (of {companies.Count}) | … typed entity | variants found (of {variants.Count}) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var t in Thresholds)
        {
            static string Pct(int n, int of) => $"{n} ({100.0 * n / of:0.0} %)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {t:0.00} | {Pct(commonBest.Count(s => s >= t), common.Count)} | {Pct(commonTyped.Count(s => s >= t), common.Count)} | {Pct(companyBest.Count(s => s >= t), companies.Count)} | {Pct(companyTyped.Count(s => s >= t), companies.Count)} | {Pct(found.Count(s => s >= t), variants.Count)} |"));
        }
        foreach (var kind in variants.Select(v => v.Kind).Distinct())
        {
            var of = variants.Where(v => v.Kind == kind).ToList();
            var at = of.Count(v => found[variants.IndexOf(v)] >= ScreeningIndex.DefaultThreshold);
            Console.WriteLine($"  variants '{kind}': {at} of {of.Count} found at {ScreeningIndex.DefaultThreshold}");
        }
        Console.WriteLine("Common names alerting at the default threshold:");
        for (var i = 0; i < common.Count; i++)
        {
            if (commonBest[i] < ScreeningIndex.DefaultThreshold) continue;
            var hit = index.Search(new ScreeningQuery(common[i]), ScreeningIndex.DefaultThreshold, 1)[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {common[i]} -> {hit.MatchedName} ({hit.Entry.Source.Code()} {hit.Entry.EntryId}) {hit.Score:0.00}: {hit.Explanation.Text}"));
        }
        Console.WriteLine("Company names alerting at the default threshold:");
        for (var i = 0; i < companies.Count; i++)
        {
            if (companyBest[i] < ScreeningIndex.DefaultThreshold) continue;
            var hit = index.Search(new ScreeningQuery(companies[i]), ScreeningIndex.DefaultThreshold, 1)[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {companies[i]} -> {hit.MatchedName} ({hit.Entry.Source.Code()} {hit.Entry.EntryId}) {hit.Score:0.00}: {hit.Explanation.Text}"));
        }
        var lost = variants.Where((v, i) => found[i] < ScreeningIndex.DefaultThreshold).Take(15);
        Console.WriteLine("Some variants not found at the default threshold:");
        foreach (var v in lost) Console.WriteLine($"  [{v.Kind}] {v.Query} (of {v.Entry.Name})");
    }

    private static List<string> CommonNames() => [.. FirstNames.SelectMany(f => LastNames.Select(l => $"{f} {l}"))];

    private static List<string> CompanyNames(Random random) =>
        [.. CompanyWords.SelectMany(w => CompanyTrades.Select(t => $"{w} {t} {LegalSuffixes[random.Next(LegalSuffixes.Length)]}"))];

    /// <summary>Variants of real list names: order swapped, a middle name dropped, one letter changed, transliterated, with diacritics, another legal form.</summary>
    private static List<(string Query, ListEntry Entry, string Kind)> Variants(List<ListEntry> entries, Random random, int count)
    {
        var result = new List<(string, ListEntry, string)>();
        string[] kinds = ["order", "middle", "typo", "translit", "diacritics", "legal", "alias"];
        var attempts = 0;
        while (result.Count < count && attempts++ < count * 20)
        {
            var entry = entries[random.Next(entries.Count)];
            var kind = kinds[random.Next(kinds.Length)];
            var name = entry.Name;
            var parts = name.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? query = kind switch
            {
                "order" when parts.Length >= 2 => string.Join(' ', parts.Skip(1).Append(parts[0])),
                "middle" when entry.Type == ListEntryType.Individual && parts.Length >= 3 => string.Join(' ', parts.Where((_, i) => i != parts.Length - 1)),
                "typo" when parts.Max(p => p.Length) >= 6 => Typo(parts, random),
                "translit" when Translit(name) is { } t && t != name => t,
                "diacritics" when Accent(name) is { } a && a != name => a,
                "legal" when entry.Type == ListEntryType.Entity && parts.Length >= 2 => $"{name} {LegalSuffixes[random.Next(LegalSuffixes.Length)]}",
                "alias" when entry.Aliases.Count > 0 => entry.Aliases[random.Next(entry.Aliases.Count)].Name.ToLowerInvariant(),
                _ => null,
            };
            if (query is not null) result.Add((query, entry, kind));
        }
        return result;
    }

    private static string Typo(string[] parts, Random random)
    {
        var longest = Array.IndexOf(parts, parts.MaxBy(p => p.Length));
        var p = parts[longest].ToCharArray();
        var at = 2 + random.Next(p.Length - 3);
        (p[at], p[at + 1]) = (p[at + 1], p[at]);
        var copy = (string[])parts.Clone();
        copy[longest] = new string(p);
        return string.Join(' ', copy);
    }

    private static readonly (string From, string To)[] Transliterations =
        [("MUHAMMAD", "MOHAMMED"), ("MOHAMMAD", "MUHAMMAD"), ("MOHAMED", "MOHAMMED"), ("AHMAD", "AHMED"), ("YUSUF", "YOUSEF"),
        ("HUSSEIN", "HUSAYN"), ("HUSAYN", "HUSSEIN"), ("ABDUL", "ABDEL"), ("ABD AL", "ABDUL"), ("OV,", "OFF,"), ("SERGEY", "SERGEI"),
        ("ALEKSANDR", "ALEXANDER"), ("YURIY", "YURI"), ("KH", "H")];

    private static string? Translit(string name)
    {
        foreach (var (from, to) in Transliterations)
            if (name.Contains(from, StringComparison.Ordinal)) return name.Replace(from, to, StringComparison.Ordinal);
        return null;
    }

    private static string? Accent(string name)
    {
        var lower = name.ToLowerInvariant();
        var i = lower.IndexOfAny(['e', 'a', 'o']);
        return i < 0 ? null : name[..i] + (lower[i] switch { 'e' => 'é', 'a' => 'á', _ => 'ö' }) + name[(i + 1)..];
    }

    private static ParsedList Parse(ListSource source, string folder, params (string Name, string File)[] files)
    {
        var result = ListImporter.Parse(source, files.ToDictionary(f => f.Name, f => File.ReadAllBytes(Path.Combine(folder, f.File))));
        return result.List ?? throw new InvalidOperationException($"{source}: {result.Error}");
    }

    private static string? ListsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaasKyc.sln")))
            {
                var lists = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "lists"));
                return Directory.Exists(lists) ? lists : null;
            }
        }
        return null;
    }
}
