using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>DailyReport catching up missed nights and publishing each report; the Reports function in every
/// format.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ReportFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheDailyReportCatchesUpMissedNightsAndPublishesEachDay()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<d12@x>", "2026-11-12 10:00"), "test");
        var report = app.Function<DailyReport>();
        app.Time.SetUtcNow(Shipped.At("2026-11-13 00:05"));
        var first = await report.RunAsync(new TimerInfo { IsPastDue = false }, default);
        Assert.Equal([new DateOnly(2026, 11, 12)], first.Days);

        app.Time.SetUtcNow(Shipped.At("2026-11-13 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<d13@x>", "2026-11-13 10:00"), "test");

        // Three nights missed: the next run does the 13th, 14th and 15th.
        app.Time.SetUtcNow(Shipped.At("2026-11-16 03:00"));
        var late = await report.RunAsync(new TimerInfo { IsPastDue = true }, default);

        Assert.Equal([new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 15)], late.Days);
        Assert.Equal(0, late.Mailed);
        Assert.Equal("2026-11-15", await app.Get<ICheckpointStore>().GetAsync(NightlyReport.LastDayKey));
        Assert.Equal(1, (await app.Get<IAggregateStore>().ReadDayAsync(new DateOnly(2026, 11, 13)))!.All.Received);
        // Each day once on the topic (Monday the 16th adds the week), named so a resend is dropped as a duplicate.
        var reports = app
            .Sent.Where(message => message.Subject == "report")
            .Select(message => message.MessageId)
            .ToArray();
        Assert.Equal(
            [
                "report|daily|2026-11-12",
                "report|daily|2026-11-13",
                "report|daily|2026-11-14",
                "report|daily|2026-11-15",
                "report|weekly|2026-11-09",
            ],
            reports
        );
        var day = app.Sent.Single(message => message.MessageId == "report|daily|2026-11-13");
        Assert.Equal(
            ("daily", "2026-11-13"),
            ((string)day.ApplicationProperties["period"], (string)day.ApplicationProperties["to"])
        );
        Assert.Contains("\"received\"", day.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportsAreServedAsJsonCsvTextAndHtml()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<r12@x>", "2026-11-12 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-13 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<r13@x>", "2026-11-13 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-16 03:00"));
        await app.Function<DailyReport>().RunAsync(new TimerInfo(), default);
        var reports = app.Function<Reports>();

        async Task<HttpAnswer> Get(string kind, string query) =>
            await app.AnswerAsync(
                await reports.RunAsync(app.Request("GET", $"/api/reports/{kind}", query: query), kind, default)
            );

        var json = await Get("daily", "?date=2026-11-12&format=json");
        Assert.Equal((200, "application/json; charset=utf-8"), (json.Status, json.ContentType));
        Assert.Equal(
            1,
            (int)json.Json["figures"]!.AsArray().First(row => (string)row!["key"]! == "received")!["value"]!
        );
        var csv = await Get("weekly", "?week=2026-W46&format=csv");
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Contains("received,Tickets received,2,", csv.Body, StringComparison.Ordinal);
        var text = await Get("weekly", "?week=2026-W46&format=text&lang=zh-CN");
        Assert.Equal("text/plain; charset=utf-8", text.ContentType);
        Assert.Contains("受理量", text.Body, StringComparison.Ordinal);
        var html = await Get("weekly", "?week=2026-W46&format=html&lang=zh-CN");
        Assert.Equal("text/html; charset=utf-8", html.ContentType);
        Assert.Contains("echarts", html.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("13912341522", json.Body + csv.Body + text.Body + html.Body, StringComparison.Ordinal);

        var monthly = await Get("monthly", "?month=2026-11&format=json");
        Assert.Equal(
            ("2026-11", 2),
            (
                (string)monthly.Json["period"]!,
                (int)monthly.Json["figures"]!.AsArray().First(row => (string)row!["key"]! == "received")!["value"]!
            )
        );
        var range = await Get("range", "?from=2026-11-12&to=2026-11-13&format=json");
        Assert.Equal(
            ("2026-11-12..2026-11-13", 2),
            (
                (string)range.Json["period"]!,
                (int)range.Json["figures"]!.AsArray().First(row => (string)row!["key"]! == "received")!["value"]!
            )
        );
        var yearly = await Get("yearly", string.Empty);
        var badDate = await Get("daily", "?date=12/11/2026");
        Assert.Equal((400, 400), (yearly.Status, badDate.Status));
        Assert.StartsWith(
            "date, week, month or from and to:",
            (string)badDate.Json["detail"]!,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task TheExportAndTheReportsAreServedAsSpreadsheetsAndTheExportAsCsvAndJsonLines()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<x12@x>", "2026-11-12 10:00"), "test");
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<y12@x>", "2026-11-12 10:01"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-13 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<x13@x>", "2026-11-13 10:00"), "test");
        var export = app.Function<ExportTickets>();

        async Task<HttpAnswer> Get(string query) =>
            await app.AnswerAsync(
                await export.RunAsync(app.Request("GET", "/api/export/tickets", query: query), default)
            );

        var xlsx = await Get("?from=2026-11-12&to=2026-11-13&format=xlsx&lang=zh-CN");
        Assert.Equal((200, Rendering.XlsxWorkbook.ContentType), (xlsx.Status, xlsx.ContentType));
        Assert.Contains("tickets-2026-11-12-2026-11-13.xlsx", xlsx.Disposition, StringComparison.Ordinal);
        var rows = XlsxReading.Sheet(xlsx.Bytes, "工单");
        Assert.Equal("工单编号", rows[0][0]!.Text);
        Assert.Equal(
            ["20261112-001", "20261112-002", "20261113-001"],
            rows.Skip(1).Select(row => row[0]!.Text).Order(StringComparer.Ordinal)
        );
        Assert.DoesNotContain(
            "13912341522",
            string.Concat(rows.SelectMany(XlsxReading.Texts)),
            StringComparison.Ordinal
        );

        var csv = await Get("?from=2026-11-12&to=2026-11-12");
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        var lines = csv.Body.TrimEnd().Split('\n');
        Assert.StartsWith("\uFEFFNumber,Id,Channel", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        var json = await Get("?from=2026-11-13&to=2026-11-13&format=json");
        Assert.Equal("20261113-001", (string)System.Text.Json.Nodes.JsonNode.Parse(json.Body.TrimEnd())!["number"]!);

        var noDates = await Get("?format=xlsx");
        var backwards = await Get("?from=2026-11-13&to=2026-11-12");
        var pdf = await Get("?from=2026-11-12&to=2026-11-13&format=pdf");
        Assert.Equal((400, 400, 400), (noDates.Status, backwards.Status, pdf.Status));
        Assert.Equal("from and to: dates written YYYY-MM-DD", (string)noDates.Json["detail"]!);
        Assert.StartsWith(
            "from and to: '2026-11-13..2026-11-12'",
            (string)backwards.Json["detail"]!,
            StringComparison.Ordinal
        );
        Assert.Equal("format: use csv, json or xlsx", (string)pdf.Json["detail"]!);

        var report = await app.AnswerAsync(
            await app.Function<Reports>()
                .RunAsync(
                    app.Request("GET", "/api/reports/range", query: "?from=2026-11-12&to=2026-11-13&format=xlsx"),
                    "range",
                    default
                )
        );
        Assert.Equal((200, Rendering.XlsxWorkbook.ContentType), (report.Status, report.ContentType));
        Assert.Contains("report-2026-11-12-2026-11-13.xlsx", report.Disposition, StringComparison.Ordinal);
        var summary = XlsxReading.Sheet(report.Bytes, "Summary");
        Assert.Equal(3, summary.Single(row => row[7]?.Text == "received")[1]!.Number);
    }

    [Fact]
    public async Task TheMonthlyReviewIsAChinesePageWhoseChartsDrawAndListsTheWarningsTheMonthRaised()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:00"));
        // Five logistics complaints in a row on the 12th: the potential-crisis rule's run of five.
        for (var i = 0; i < 5; i++)
        {
            app.Time.SetUtcNow(Shipped.At("2026-11-12 10:00").AddMinutes(i));
            await app.Get<IngestionService>()
                .IngestAsync(
                    new InboundContact
                    {
                        Channel = Core.Policies.Channel.Chat,
                        SourceId = $"logistics-{i}",
                        ThreadKey = $"logistics-{i}",
                        ReceivedAt = Shipped.At("2026-11-12 10:00").AddMinutes(i),
                        From = $"1391234000{i}",
                        Text = "物流一直没有更新，快递到哪了",
                    },
                    "test"
                );
        }

        app.Time.SetUtcNow(Shipped.At("2026-12-02 10:00"));
        var reports = app.Function<Reports>();
        var html = await app.AnswerAsync(
            await reports.RunAsync(
                app.Request("GET", "/api/reports/review", query: "?month=2026-11"),
                "review",
                default
            )
        );
        Assert.Equal((200, "text/html; charset=utf-8"), (html.Status, html.ContentType));
        Assert.Contains("<h1>2026年11月客服部门月度复盘</h1>", html.Body, StringComparison.Ordinal);
        Assert.All(["一、现状", "二、原因分析", "三、预警", "四、KPI 雷达"], part =>
            Assert.Contains(part, html.Body, StringComparison.Ordinal)
        );
        Assert.Contains("2026年11月12日 连续 5 张新工单均为「物流配送延误」", html.Body, StringComparison.Ordinal);
        var xlsx = await app.AnswerAsync(
            await reports.RunAsync(app.Request("GET", "/api/reports/review", query: "?format=xlsx"), "review", default)
        );
        Assert.Contains("review-2026-11.xlsx", xlsx.Disposition, StringComparison.Ordinal);
        var warnings = XlsxReading.Sheet(xlsx.Bytes, "预警");
        Assert.Equal(["2026-11-12", "1"], XlsxReading.Texts(warnings[1]).Take(2));
        var bad = await app.AnswerAsync(
            await reports.RunAsync(app.Request("GET", "/api/reports/review", query: "?format=csv"), "review", default)
        );
        Assert.Equal(400, bad.Status);

        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        Assert.Equal(Rendering.HtmlReview.ChartIds, await DebianChromium.ChartsDrawnAsync(page, html.Body));
        await DebianChromium.ShootAsync(page, "review-zh");
    }

    [Fact]
    public async Task ADayStillInsideTheConfirmationWaitIsComputedAgainSoLateConfirmationsCount()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        var created = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<c12@x>", "2026-11-12 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-12 10:35"));
        await app.Get<TicketEventService>()
            .RecordAsync(
                created.TicketId!,
                new Core.Tickets.StatusChanged(
                    Shipped.At("2026-11-12 10:30"),
                    "客服A",
                    "done",
                    Core.Tickets.TicketStatus.Resolved
                ),
                "test"
            );
        var report = app.Function<DailyReport>();
        app.Time.SetUtcNow(Shipped.At("2026-11-13 00:05"));
        await report.RunAsync(new TimerInfo(), default);
        Assert.Equal(
            (1L, 0L),
            (
                (await app.Get<IAggregateStore>().ReadDayAsync(new DateOnly(2026, 11, 12)))!.All.Resolved,
                (await app.Get<IAggregateStore>().ReadDayAsync(new DateOnly(2026, 11, 12)))!.All.Confirmed
            )
        );

        // The customer confirms on the 13th; the next night computes the 12th again.
        app.Time.SetUtcNow(Shipped.At("2026-11-13 09:01"));
        await app.Get<TicketEventService>()
            .RecordAsync(
                created.TicketId!,
                new Core.Tickets.CustomerConfirmed(
                    Shipped.At("2026-11-13 09:00"),
                    "customer",
                    "ok",
                    Core.Tickets.Confirmation.Resolved
                ),
                "test"
            );
        app.Time.SetUtcNow(Shipped.At("2026-11-14 00:05"));
        var next = await report.RunAsync(new TimerInfo(), default);

        Assert.Equal([new DateOnly(2026, 11, 13)], next.Days);
        Assert.True(next.Refreshed >= 1);
        var day = (await app.Get<IAggregateStore>().ReadDayAsync(new DateOnly(2026, 11, 12)))!.All;
        Assert.Equal(1L, day.Confirmed);
        Assert.Equal(23 * 60, day.ConfirmedResolution.Mean!.Value, 6);
    }
}
