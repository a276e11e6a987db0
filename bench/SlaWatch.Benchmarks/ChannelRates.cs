using System.Globalization;
using BenchmarkDotNet.Reports;

namespace SlaWatch.Benchmarks;

/// <summary>Turns the channel benchmarks' per-batch times into items per second.</summary>
internal static class ChannelRates
{
    public static void Print(IEnumerable<Summary> summaries)
    {
        var setup = new ChannelBenchmarks();
        setup.Setup();
        var items = new Dictionary<string, (int Count, string Unit)>
        {
            [nameof(ChannelBenchmarks.NormaliseMail)] = (setup.Messages, "messages"),
            [nameof(ChannelBenchmarks.VerifyAndMapWebhooks)] = (
                Directory
                    .EnumerateFiles(Path.Combine(TestSupport.RepoRoot.Path, "tests", "corpus", "chatwoot"), "*.json")
                    .Count(),
                "webhook events"
            ),
            [nameof(ChannelBenchmarks.ParseCdr)] = (10_000, "CDR rows"),
        };
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report.ResultStatistics is { } statistics && items.TryGetValue(method, out var batch))
            {
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {batch.Unit, -16} {batch.Count * 1e9 / statistics.Mean, 14:N0} per second ({batch.Count} "
                            + $"per batch)"
                    )
                );
            }
        }
    }
}
