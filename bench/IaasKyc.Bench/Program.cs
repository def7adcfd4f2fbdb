using IaasKyc.Bench;

// Benchmarks kept in the repository (figures in docs/performance.md). Not part of ./test.sh.
// Usage: dotnet run -c Release --project bench/IaasKyc.Bench -- access
return args.FirstOrDefault() switch
{
    "access" => await AccessBench.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("Commands: access   (1,000,000 IP access records: lookup by address, ingest of 10,000 events)");
    return 1;
}
