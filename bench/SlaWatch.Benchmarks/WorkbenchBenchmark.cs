using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Workbench;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The workbench with N tickets open (all arrived today, each answered, none resolved) on Azurite: one queue read
/// (requests, seconds, JSON size) for the all-open tab and for 我的, then the page over <c>slawatch serve</c> in
/// Debian's Chromium: first paint of the all-open queue (its first screen), rows in the DOM (the list is virtual),
/// when the whole queue was in, and a jump to the last row.
/// </summary>
internal static class WorkbenchBenchmark
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string[] args)
    {
        var open = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;
        var now = SyntheticDay.Start.AddSeconds(86_399);
        var clock = new FixedClock(now);
        var tickets = SyntheticDay
            .Tickets(open)
            .Select(ticket => ticket with { Events = [.. ticket.Events.Take(2)] })
            .ToArray();
        await using var storage = await BenchStorage.OpenAsync();
        var prefix = "wb" + Guid.NewGuid().ToString("N")[..10];
        var tables = new TableStorage(StorageOptions.FromConnection(storage.ConnectionString, prefix));
        await using (var seeder = Processes.OnTables(tables, policy, rules, clock))
        {
            await BoardBenchmark.SeedAsync(seeder, tickets, parallel: 32);
        }

        var agent = new WorkbenchPerson(
            "agent-a",
            tickets[0].State.Owner ?? "客服A",
            new HashSet<WorkbenchRole> { WorkbenchRole.Agent },
            []
        );
        await using (var services = Processes.OnTables(tables, policy, rules, clock))
        {
            var queues = services.Get<WorkbenchQueues>();
            await queues.ReadAsync(agent, WorkbenchTab.Open, new WorkbenchFilter());
            foreach (var tab in new[] { WorkbenchTab.Open, WorkbenchTab.Mine })
            {
                WorkbenchTabView? view = null;
                var measured = await Measured.RunAsync(tables, async () =>
                    view = await queues.ReadAsync(agent, tab, new WorkbenchFilter())
                );
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"queue {tab, -5}: {view!.Tickets.Count, 6:N0} rows, {measured.Requests, 5:N0} requests, "
                            + $"{measured.Seconds, 5:0.00} s, JSON "
                            + $"{JsonSerializer.SerializeToUtf8Bytes(view, Web).Length / 1024.0, 6:N0} KiB"
                    )
                );
            }
        }

        // The same queues on the in-process store: what the server itself costs, read and serialized.
        await using (var local = MemoryProcess.Of(policy, clock, rules: rules))
        {
            await BoardBenchmark.SeedAsync(local, tickets, parallel: Environment.ProcessorCount);
            var queues = local.Get<WorkbenchQueues>();
            await queues.ReadAsync(agent, WorkbenchTab.Open, new WorkbenchFilter());
            foreach (var tab in new[] { WorkbenchTab.Open, WorkbenchTab.Mine })
            {
                var watch = Stopwatch.StartNew();
                var view = await queues.ReadAsync(agent, tab, new WorkbenchFilter());
                var json = JsonSerializer.SerializeToUtf8Bytes(view, Web);
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"in process, queue {tab, -5}: {view.Tickets.Count, 6:N0} rows read and serialized in "
                            + $"{watch.Elapsed.TotalMilliseconds, 5:N0} ms, JSON {json.Length / 1024.0, 6:N0} KiB"
                    )
                );
            }
        }

        await FirstPaintAsync(storage.ConnectionString, prefix, now);
    }

    private static async Task FirstPaintAsync(string connection, string prefix, DateTimeOffset now)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (
            var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "slawatch.dll"),
                "serve",
                "--urls",
                $"http://127.0.0.1:{port}",
                "--now",
                now.ToString("O", CultureInfo.InvariantCulture),
                "--storage",
                connection,
                "--table-prefix",
                prefix,
                "--no-demo",
                "--policy",
                RepoRoot.Config("sla-policy.json"),
                "--rules",
                RepoRoot.Config("classification.json"),
                "--dev-users",
                RepoRoot.Config("dev-users.json"),
            }
        )
        {
            start.ArgumentList.Add(arg);
        }

        using var serve = Process.Start(start)!;
        try
        {
            var address = $"http://127.0.0.1:{port}/";
            using var http = new HttpClient();
            for (var tries = 0; ; tries++)
            {
                try
                {
                    (await http.GetAsync(address)).EnsureSuccessStatusCode();
                    break;
                }
                catch (HttpRequestException) when (tries < 300 && !serve.HasExited)
                {
                    await Task.Delay(200);
                }
            }

            await using var paint = await PagePaint.SignedInAsync(address, "agent-a");
            var page = paint.Page;
            for (var run = 1; run <= 3; run++)
            {
                var painted = await paint.FirstPaintAsync(address + "api/workbench#tab=open", "workbenchStatus");
                var rows = await page.Locator(".row").CountAsync();
                await page.WaitForFunctionAsync(
                    "() => window.workbenchStatus.whole !== null",
                    null,
                    new() { Timeout = 120_000 }
                );
                var whole = await page.EvaluateAsync<double>("() => window.workbenchStatus.whole");
                var count = await page.Locator("#tab-open .count").TextContentAsync();
                var jump = await page.EvaluateAsync<double>(
                    """
                    () => new Promise(done => {
                      const list = document.getElementById("list");
                      const started = performance.now();
                      list.scrollTop = list.scrollHeight;
                      requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
                    })
                    """
                );
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"page run {run}: first paint of {count} open tickets {painted, 6:N0} ms after navigation "
                            + $"({rows} rows in the DOM), the whole queue in {whole, 6:N0} ms; jump to the last row "
                            + $"painted in {jump:0} ms"
                    )
                );
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
