using BenchmarkDotNet.Running;
using SlaWatch.Benchmarks;

// Runs every benchmark, or those named: dotnet run -c Release --project bench/SlaWatch.Benchmarks -- --filter '*Calendar*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(CalendarAddBenchmarks).Assembly).Run(args, new BenchConfig());
BenchReport.PrintRates(summaries);
