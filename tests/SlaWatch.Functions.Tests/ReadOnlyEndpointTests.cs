using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>A read never writes: every read endpoint served, and every table exactly as it was.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ReadOnlyEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryReadEndpointLeavesEveryTableAsItWasAndADayNotRunIsProvisional()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-13 10:05"));
        var ingestion = app.Get<IngestionService>();
        var first = await ingestion.IngestAsync(Contacts.UrgentEmail("<ro13@x>", "2026-11-13 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-16 09:05"));
        await ingestion.IngestAsync(Contacts.UrgentEmail("<ro16@x>", "2026-11-16 09:00"), "test");
        // One day stored by its run; the others (and today) never run.
        await app.Get<ReportService>().RunDayAsync(new DateOnly(2026, 11, 13));
        var before = await TableFingerprint.OfAsync(azurite.ConnectionString, app.Prefix);

        var answers = new List<HttpAnswer>();
        var reports = app.Function<Reports>();
        foreach (
            var (kind, query) in new[]
            {
                ("daily", "date=2026-11-14"),
                ("daily", "date=2026-11-16"),
                ("daily", string.Empty),
                ("weekly", "week=2026-W46"),
                ("weekly", "week=2026-W47"),
                ("monthly", "month=2026-11"),
            }
        )
        {
            foreach (var format in new[] { "json", "csv", "text", "html" })
            {
                var request = app.Request("GET", $"/api/reports/{kind}", query: $"?{query}&format={format}&lang=zh-CN");
                answers.Add(await app.AnswerAsync(await reports.RunAsync(request, kind, default)));
            }
        }

        var backlog = app.Function<BacklogGet>();
        answers.Add(await app.AnswerAsync(await backlog.RunAsync(app.Request("GET", "/api/backlog"), default)));
        var earlier = app.Request("GET", "/api/backlog", query: "?at=2026-11-14T09:00:00%2B08:00");
        answers.Add(await app.AnswerAsync(await backlog.RunAsync(earlier, default)));
        answers.Add(await app.AnswerAsync(app.Function<LiveBoard>().Page(app.Request("GET", "/api/board"))));
        var board = app.Function<LiveBoard>();
        answers.Add(await app.AnswerAsync(await board.DataAsync(app.Request("GET", "/api/board/data"), default)));
        var number = first.Number!.ToString()!;
        var ticket = app.Function<TicketGet>();
        answers.Add(
            await app.AnswerAsync(await ticket.RunAsync(app.Request("GET", $"/api/tickets/{number}"), number, default))
        );
        answers.Add(
            await app.AnswerAsync(await ticket.RunAsync(app.Request("GET", "/api/tickets/none"), "none", default))
        );

        Assert.Equal(before, await TableFingerprint.OfAsync(azurite.ConnectionString, app.Prefix));
        Assert.True(before.Count > 10, $"only {before.Count} entities: the fingerprint would prove little");
        Assert.Equal(
            [.. Enumerable.Repeat(200, 24), 200, 200, 200, 200, 200, 404],
            answers.Select(answer => answer.Status)
        );
        var stored = await app.AnswerAsync(
            await reports.RunAsync(
                app.Request("GET", "/api/reports/daily", query: "?date=2026-11-13&format=json"),
                "daily",
                default
            )
        );
        Assert.False((bool)stored.Json["provisional"]!);
        Assert.True((bool)answers[0].Json["provisional"]!);
        Assert.Equal(["2026-11-14"], answers[0].Json["provisionalDays"]!.AsArray().Select(day => (string)day!));
        Assert.Contains("临时数据：2026-11-16 尚未经每日定时计算", answers[6].Body, StringComparison.Ordinal);
        Assert.Contains("class=\"note provisional\"", answers[7].Body, StringComparison.Ordinal);
    }
}
