using BenchmarkDotNet.Running;
using SlaWatch.Benchmarks;

// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- MODE [arguments]   (a mode below)
// dotnet run -c Release --project bench/SlaWatch.Benchmarks -- --filter '*'       (BenchmarkDotNet: calendar, channels)
var modes = new Dictionary<string, Func<string[], Task>>(StringComparer.Ordinal)
{
    ["ingestion"] = IngestionBenchmark.RunAsync, // throughput against Azurite
    ["fold"] = arguments => // [tickets] [runs]
    {
        FoldBenchmark.Run(arguments);
        return Task.CompletedTask;
    },
    ["report"] = ReportBenchmark.RunAsync, // [tickets on Azurite] [tickets in process]
    ["scan"] = ScanLatencyBenchmark.RunAsync, // [open tickets] [due tickets]
    ["capacity"] = CapacityBenchmark.RunAsync, // [tickets a day] [days]
    ["replay"] = ReplayBenchmark.RunAsync,
    ["board"] = BoardBenchmark.RunAsync, // [open tickets]: one live-board refresh
    ["workbench"] = WorkbenchBenchmark.RunAsync, // [open tickets]: the queue's JSON and the page's first paint
    ["pages"] = PagesBenchmark.RunAsync, // [open tickets]: board and workbench JSON and first paint, in process
    // bulk [rows [sheet|lines|calls]]: import, lines and calls ingest, raw upserts beside;
    // replay [tickets days small-tickets small-days]
    ["bulk"] = BulkBenchmark.RunAsync,
};

if (args.Length > 0 && modes.TryGetValue(args[0], out var mode))
{
    await mode(args[1..]);
    return;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(CalendarAddBenchmarks).Assembly).Run(args, new BenchConfig());
BenchReport.PrintRates(summaries);
ChannelRates.Print(summaries);
