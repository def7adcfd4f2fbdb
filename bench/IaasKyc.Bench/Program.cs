using IaasKyc.Bench;

// Benchmarks kept in the repository (figures in docs/performance.md). Not part of ./test.sh.
// Usage: dotnet run -c Release --project bench/IaasKyc.Bench -- access|customers|api-ingest|owners|screening|dossier|dashboard|certification
return args.FirstOrDefault() switch
{
    "access" => await AccessBench.RunAsync(),
    "customers" => await CustomersBench.RunAsync(),
    "api-ingest" => await ApiIngestBench.RunAsync(),
    "owners" => await OwnersBench.RunAsync(),
    "screening" => await ScreeningBench.RunAsync(),
    "dossier" => await DossierBench.RunAsync(),
    "dashboard" => await DashboardBench.RunAsync(),
    "screening-query" when args.Length > 1 => await ScreeningBench.QueryAsync(string.Join(' ', args.Skip(1))),
    "certification" => await CertificationBench.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("Commands: access      (1,000,000 IP access records: lookup by address, ingest of 10,000 events)");
    Console.WriteLine("          customers   (100,000 customers: the customers list query, filter + sort + page)");
    Console.WriteLine("          api-ingest  (10,000 access events through POST /api/v1/accounts/{reference}/access-events, portal as a child process)");
    Console.WriteLine("          owners      (200-node ownership structures: OwnershipPolicy.Evaluate, validation + effective ownership + beneficial owners)");
    Console.WriteLine("          dossier     (a customer CIP dossier of 20+ pages: render time warm)");
    Console.WriteLine("          dashboard   (100,000 customers and 10,000 open clocks: what Home and the deadline board load)");
    Console.WriteLine("          screening   (SDN + aliases + DPL, about 21,500 names: index build, search, plain loop, re-screening, memory, thresholds)");
    Console.WriteLine("          certification (100,000 customers: the annual CIP certification's figures, set-based)");
    return 1;
}
