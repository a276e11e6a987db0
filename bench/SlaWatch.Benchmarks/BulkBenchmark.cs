using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Channels;
using SlaWatch.Channels.Phone;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Storage;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The bulk paths a team runs by hand: a tracking sheet (CSV) through <c>import</c> and a call log through the call
/// ingester, on Azurite. Prints each path's rows per second by tenth of the run (does it slow as the tables grow?),
/// its storage requests per row and where their time went, beside raw single-entity upserts measured at the start
/// and at the end of the same run: the emulator's own slowdown, which is not ours.
/// </summary>
internal static class BulkBenchmark
{
    private const int RawSample = 1000;

    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        // A path alone when named (sheet, lines, calls), for a profile of it: every path by default.
        var only = args.Length > 1 ? args[1] : null;
        await using var storage = await BenchStorage.OpenAsync();
        var connection = storage.ConnectionString;
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;
        Console.WriteLine($"Bulk paths on Azurite, {rows} rows each, {Environment.ProcessorCount} cores");

        var rawBefore = await RawUpsertsPerSecondAsync(connection);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw upserts/s at the start: {rawBefore:N0}"));

        if (only is null or "sheet")
        {
            await using var services = OnTables(connection, policy, rules);
            var sheet = Sheet(rows);
            var marks = new List<(int Done, TimeSpan At)>();
            var cpu = ProcessorTimes.Now(storage);
            var clock = Stopwatch.StartNew();
            var importer = services.Get<SpreadsheetImporter>();
            var imported = await importer.ImportAsync(sheet, Channel.Other, (done, _) =>
                Mark(marks, done, rows, clock)
            );
            Mark(marks, rows, rows, clock);
            Report(
                "import (CSV, contact + 5 events a row)",
                imported.Count(row => row.Outcome == "created"),
                marks,
                services.Get<TableStorage>().Requests
            );
            Console.WriteLine(ProcessorTimes.Now(storage).Since(cpu, marks[^1].At));
            await RawBesideAsync(services.Get<TableStorage>(), rawBefore);
        }

        if (only is null or "lines")
        {
            await using var services = OnTables(connection, policy, rules);
            // The same tickets as JSON lines, as a day's log holds them: each line at its instant, so a ticket's
            // reply, resolution and rating come between later tickets' contacts.
            var file = JsonLines(rows);
            var lines = rows * 5;
            var marks = new List<(int Done, TimeSpan At)>();
            var cpu = ProcessorTimes.Now(storage);
            var clock = Stopwatch.StartNew();
            var import = services.Get<InputLinesImport>();
            var held = new HeldWrites();
            var (done, created) = (0, 0);
            foreach (var window in InputLinesImport.Windows(file))
            {
                Mark(marks, done, lines, clock);
                var outcomes = await import.ImportAsync(window, held);
                created += outcomes.Count(outcome => outcome.Word == "created");
                done += window.Count;
            }

            await import.FinishAsync(held);
            Mark(marks, lines, lines, clock);
            Report(
                "ingest (JSON lines: a contact and 4 events a ticket, lines in time order)",
                created,
                marks,
                services.Get<TableStorage>().Requests
            );
            Console.WriteLine(ProcessorTimes.Now(storage).Since(cpu, marks[^1].At));
        }

        if (only is null or "calls")
        {
            await using var services = OnTables(connection, policy, rules);
            var ingester = services.Get<CallIngester>();
            var start = new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);
            var marks = new List<(int Done, TimeSpan At)>();
            var cpu = ProcessorTimes.Now(storage);
            var clock = Stopwatch.StartNew();
            var created = 0;
            for (var i = 0; i < rows; i++)
            {
                Mark(marks, i, rows, clock);
                var at = start.AddSeconds(i * 7);
                var answered = i % 5 != 0;
                var call = new CallRecord(
                    $"c{i}",
                    $"139{i:D8}",
                    at,
                    answered ? at.AddSeconds(9) : null,
                    at.AddMinutes(3),
                    answered ? CallDisposition.Answered : CallDisposition.NoAnswer,
                    answered ? "agent-1" : null
                );
                created += (await ingester.IngestAsync(call, $"calls row {i + 1}", "raw")).Word == "created" ? 1 : 0;
            }

            Mark(marks, rows, rows, clock);
            Report(
                "calls ingest (a call and its answer or missed-call reason)",
                created,
                marks,
                services.Get<TableStorage>().Requests
            );
            Console.WriteLine(ProcessorTimes.Now(storage).Since(cpu, marks[^1].At));
            await RawBesideAsync(services.Get<TableStorage>(), rawBefore);
        }

        var rawAfter = await RawUpsertsPerSecondAsync(connection);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"raw upserts/s at the end:   {rawAfter:N0} ({rawAfter / rawBefore:0.00} of the start)"
            )
        );
    }

    private static void Mark(List<(int Done, TimeSpan At)> marks, int done, int total, Stopwatch clock)
    {
        if (done * 10 / total > (marks.Count == 0 ? -1 : marks[^1].Done * 10 / total))
        {
            marks.Add((done, clock.Elapsed));
        }
    }

    private static void Report(string path, int created, List<(int Done, TimeSpan At)> marks, RequestCounter requests)
    {
        var total = marks[^1];
        Console.WriteLine();
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: {created} tickets in {total.At.TotalSeconds:0.0} s, {total.Done / total.At.TotalSeconds:0} "
                    + $"rows/s, {(double)requests.Count / total.Done:0.00} requests a row"
            )
        );
        var rates = marks.Zip(marks.Skip(1), (from, to) => (to.Done - from.Done) / (to.At - from.At).TotalSeconds);
        Console.WriteLine(
            "  rows/s by tenth: "
                + string.Join(' ', rates.Select(rate => rate.ToString("0", CultureInfo.InvariantCulture)))
        );
        foreach (var (kind, count, time) in requests.Breakdown.Take(8))
        {
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {kind, -32} {(double)count / total.Done, 6:0.00} a row  "
                        + $"{time.TotalMilliseconds / count, 7:0.00} ms each  {time / total.At, 6:P0} of the run"
                )
            );
        }
    }

    /// <summary>
    /// Raw upserts into the Tickets table the run just filled, beside a fresh table's at the start: when they slow as
    /// much as the run's own ticket writes did, the time is the emulator's (its tables are scanned lists), not ours.
    /// </summary>
    private static async Task RawBesideAsync(TableStorage storage, double rawBefore)
    {
        var grown = await Measured.RawUpsertsPerSecondAsync(await storage.TableAsync(TableStorage.Tickets), RawSample);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  raw upserts/s into the grown Tickets table: {grown:N0} ({grown / rawBefore:0.00} of a fresh "
                    + $"table's)"
            )
        );
    }

    private static async Task<double> RawUpsertsPerSecondAsync(string connection)
    {
        var storage = new TableStorage(StorageOptions.FromConnection(connection, Prefix()));
        return await Measured.RawUpsertsPerSecondAsync(await storage.TableAsync("Raw"), RawSample);
    }

    /// <summary>A tracking sheet of <paramref name="rows"/> resolved tickets over as many days as it takes at 400 a
    /// day.</summary>
    private static string Sheet(int rows)
    {
        var csv = new StringBuilder(
            "日期,客户编号,问题描述,问题类型,优先级,提交时间,首次回复时间,解决时间,是否首次解决,解决状态,未解决原因,责任人,满意度,渠道\n"
        );
        for (var i = 0; i < rows; i++)
        {
            var day = new DateOnly(2026, 10, 1).AddDays(i / 400);
            var minute = 9 * 60 + i % 400;
            csv.Append(
                CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd},C{i:D6},登录报错,技术故障,一般,{Clock(minute)},{Clock(minute + 10)},{Clock(minute + 90)},是,"
                    + $"已解决,,客服{i % 40},满意,邮件\n"
            );
        }

        var path = Path.Combine(TestFolders.Create("slawatch-bulk-").FullName, "sheet.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>The sheet's tickets as JSON lines: each a contact, its assignment, reply, resolution and rating, every
    /// line at its instant and the file in time order.</summary>
    private static string JsonLines(int tickets)
    {
        var lines = new List<(DateTimeOffset At, string Line)>(tickets * 5);
        for (var i = 0; i < tickets; i++)
        {
            var day = new DateOnly(2026, 10, 1).AddDays(i / 400);
            var arrived = new DateTimeOffset(day, new TimeOnly(9, 0), TimeSpan.FromHours(8)).AddMinutes(i % 400);
            string At(int minutes) =>
                arrived.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var ticket = $"source:email:<bulk-{i}@example.com>";
            lines.Add(
                (
                    arrived,
                    $$"""{"type":"contact","channel":"email","sourceId":"<bulk-{{i}}@example.com>","receivedAt":"{{At(
                        0
                    )}}","from":"c{{i}}@example.com","subject":"登录报错","category":"technical-fault"}"""
                )
            );
            lines.Add(
                (
                    arrived.AddMinutes(1),
                    $$"""{"type":"event","ticket":"{{ticket}}","kind":"assigned","at":"{{At(
                        1
                    )}}","actor":"system","owner":"客服{{i % 40}}"}"""
                )
            );
            lines.Add(
                (
                    arrived.AddMinutes(10),
                    $$"""{"type":"event","ticket":"{{ticket}}","kind":"agentResponse","at":"{{At(
                        10
                    )}}","actor":"客服{{i % 40}}"}"""
                )
            );
            lines.Add(
                (
                    arrived.AddMinutes(90),
                    $$"""{"type":"event","ticket":"{{ticket}}","kind":"status","status":"resolved","at":"{{At(
                        90
                    )}}","actor":"客服{{i % 40}}"}"""
                )
            );
            lines.Add(
                (
                    arrived.AddMinutes(95),
                    $$"""{"type":"event","ticket":"{{ticket}}","kind":"satisfaction","rating":"满意","at":"{{At(
                        95
                    )}}","actor":"customer"}"""
                )
            );
        }

        var path = Path.Combine(TestFolders.Create("slawatch-bulk-").FullName, "input.jsonl");
        File.WriteAllLines(path, lines.OrderBy(line => line.At).Select(line => line.Line));
        return path;
    }

    private static string Clock(int minute) => $"{minute / 60:D2}:{minute % 60:D2}";

    private static string Prefix() => "b" + Guid.NewGuid().ToString("N")[..10];

    private static TestProcess OnTables(string connection, SlaPolicy policy, ClassificationRules rules) =>
        new(services =>
            services
                .AddSlaWatchPolicy(policy, rules)
                .AddSlaWatchTableStorage(StorageOptions.FromConnection(connection, Prefix()))
                .AddSlaWatchChannels()
        );
}
