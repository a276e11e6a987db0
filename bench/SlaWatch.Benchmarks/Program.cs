using BenchmarkDotNet.Running;
using SlaWatch.Benchmarks;

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- ingestion        (throughput against Azurite)
// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- --filter '*'     (BenchmarkDotNet: calendar)
if (args.Length > 0 && args[0] == "ingestion")
{
    await IngestionBenchmark.RunAsync(args.Skip(1).ToArray());
    return;
}

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- fold [tickets]
if (args.Length > 0 && args[0] == "fold")
{
    FoldBenchmark.Run(args.Skip(1).ToArray());
    return;
}

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- report [tickets on Azurite] [tickets in process]
if (args.Length > 0 && args[0] == "report")
{
    await ReportBenchmark.RunAsync(args.Skip(1).ToArray());
    return;
}

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- scan [open tickets] [due tickets]
if (args.Length > 0 && args[0] == "scan")
{
    await ScanLatencyBenchmark.RunAsync(args.Skip(1).ToArray());
    return;
}

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- capacity [tickets a day] [days]
if (args.Length > 0 && args[0] == "capacity")
{
    await CapacityBenchmark.RunAsync(args.Skip(1).ToArray());
    return;
}

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- replay [tickets days small-tickets small-days]
if (args.Length > 0 && args[0] == "replay")
{
    await ReplayBenchmark.RunAsync(args.Skip(1).ToArray());
    return;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(CalendarAddBenchmarks).Assembly).Run(args, new BenchConfig());
BenchReport.PrintRates(summaries);
ChannelRates.Print(summaries);
