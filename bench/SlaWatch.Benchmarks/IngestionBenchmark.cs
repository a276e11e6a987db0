using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Storage;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// New tickets per second through the ingestion service against Azurite, with 1 and 8 concurrent callers, beside the
/// ceiling measured in the same run: single-entity upserts straight through <see cref="TableClient"/> at the same
/// concurrency. Prints both, their ratio, requests per new ticket, and round trips per new ticket (waits on storage
/// with nothing else in flight: requests sent together count once; meaningful with one caller).
/// </summary>
internal static class IngestionBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        await using var storage = await BenchStorage.OpenAsync();
        var connection = storage.ConnectionString;
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;

        Console.WriteLine(
            $"Ingestion against Azurite, {count} operations per measurement, {Environment.ProcessorCount} cores"
        );
        Console.WriteLine("callers  raw upserts/s  tickets/s  ratio  requests/ticket  round trips/ticket");
        foreach (var callers in new[] { 1, 8 })
        {
            var raw = await Measured.RawUpsertsPerSecondAsync(
                await new TableStorage(StorageOptions.FromConnection(connection, Prefix())).TableAsync("Raw"),
                count,
                callers
            );
            var (tickets, requests, roundTrips) = await TicketsPerSecondAsync(
                connection,
                policy,
                rules,
                callers,
                count
            );
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{callers, 7}  {raw, 13:N0}  {tickets, 9:N0}  {tickets / raw, 5:0.00}  {requests, 15:0.00}  "
                        + $"{(callers == 1 ? roundTrips.ToString("0.00", CultureInfo.InvariantCulture) : "—"), 18}"
                )
            );
        }
    }

    private static async Task<(double PerSecond, double Requests, double RoundTrips)> TicketsPerSecondAsync(
        string connection,
        SlaPolicy policy,
        ClassificationRules rules,
        int callers,
        int count
    )
    {
        await using var services = new TestProcess(added =>
            added
                .AddSlaWatchPolicy(policy, rules)
                .AddSlaWatchTableStorage(StorageOptions.FromConnection(connection, Prefix()))
        );
        var received = new DateTimeOffset(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);
        await services.Ingestion.IngestAsync(Contact("warm-up", received), "bench");
        var counter = services.Get<TableStorage>().Requests;
        var (before, waitsBefore) = (counter.Count, counter.RoundTrips);
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = callers },
            async (i, cancellationToken) =>
            {
                var result = await services.Ingestion.IngestAsync(
                    Contact($"m{i}", received.AddSeconds(i)),
                    "bench",
                    cancellationToken: cancellationToken
                );
                if (result.Outcome != IngestOutcome.Created)
                {
                    throw new InvalidOperationException($"Contact {i} was {result.Word}, not created.");
                }
            }
        );
        var perSecond = count / clock.Elapsed.TotalSeconds;
        return (
            perSecond,
            (double)(counter.Count - before) / count,
            (double)(counter.RoundTrips - waitsBefore) / count
        );
    }

    private static InboundContact Contact(string id, DateTimeOffset at) =>
        new()
        {
            Channel = Channel.Email,
            SourceId = $"<{id}@bench.example>",
            ReceivedAt = at,
            From = $"customer-{id}@example.com",
            Subject = "无法登录",
            Text = "登录时报错 500，请尽快处理",
        };

    private static string Prefix() => "b" + Guid.NewGuid().ToString("N")[..10];
}
