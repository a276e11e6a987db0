using Microsoft.Playwright;
using SlaWatch.Core.Ingestion;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The Staffing function over four weeks of stored arrivals: JSON, text and a page whose heat maps draw in
/// Chromium; a bad period or format refused with its reason.</summary>
[Collection(AzuriteTests.Name)]
public sealed class StaffingFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheFourWeeksBeforeTodayArePlannedAndDrawn()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        // Thursday the 12th and Friday the 13th at 10:00: one e-mail each.
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<s12@x>", "2026-11-12 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-13 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<s13@x>", "2026-11-13 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-16 03:00"));
        var staffing = app.Function<Staffing>();

        async Task<HttpAnswer> Get(string query) =>
            await app.AnswerAsync(await staffing.PlanAsync(app.Request("GET", "/api/staffing", query: query), default));

        var json = await Get(string.Empty);
        var text = await Get("?format=text&lang=zh-CN");
        var html = await Get("?format=html&lang=zh-CN&from=2026-11-09&to=2026-11-15");
        var backwards = await Get("?from=2026-11-15&to=2026-11-09");
        var badFormat = await Get("?format=xlsx");
        var badDate = await Get("?from=15/11/2026");

        Assert.Equal(200, json.Status);
        // Without a period: the 28 days to yesterday, 2026-10-19 to 2026-11-15, four Thursdays at 10:00.
        Assert.Equal(("2026-10-19", "2026-11-15"), ((string)json.Json["from"]!, (string)json.Json["to"]!));
        var thursday = json.Json["hours"]!
            .AsArray()
            .Single(hour => (string)hour!["day"]! == "Thursday" && (int)hour["hour"]! == 10)!;
        Assert.Equal(0.25, (double)thursday["arrivals"]![2]!);
        Assert.Equal(1, (int)thursday["needed"]!);
        Assert.Equal(2, (int)json.Json["pools"]![2]!["arrivals"]!);
        Assert.Contains("邮件：2 封，工作量模型，处理时长 6 分钟，1 小时内确认", text.Body, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", html.ContentType);
        Assert.Equal((400, 400, 400), (backwards.Status, badFormat.Status, badDate.Status));
        Assert.Equal("format: 'xlsx' is not json, html or text", (string)badFormat.Json["detail"]!);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        Assert.Equal(["phone", "chat", "mail", "needed"], await DebianChromium.ChartsDrawnAsync(page, html.Body));
        Assert.Contains("人力测算 2026年11月9日至11月15日", html.Body, StringComparison.Ordinal);
        await DebianChromium.ShootAsync(page, "staffing-zh");
    }

    [Fact]
    public async Task APostedRosterIsPlannedAgainstAndABadLineIsRefusedNamingIt()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-12 10:05"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<r12@x>", "2026-11-12 10:00"), "test");
        app.Time.SetUtcNow(Shipped.At("2026-11-16 03:00"));
        var staffing = app.Function<Staffing>();

        async Task<HttpAnswer> Post(string body) =>
            await app.AnswerAsync(
                await staffing.PlanAsync(
                    app.Request("POST", "/api/staffing", body: body, query: "?from=2026-11-09&to=2026-11-15"),
                    default
                )
            );

        // The e-mail's hour, Thursday 10:00, needs one agent; the roster has two people on Thursday 09:00-12:00.
        var planned = await Post("\uFEFFperson,day,from,to\n客服A,周四,09:00,12:00\n客服B,Thu,09:00,12:00\n");
        Assert.Equal(200, planned.Status);
        var thursday = planned.Json["hours"]!
            .AsArray()
            .Single(hour => (string)hour!["day"]! == "Thursday" && (int)hour["hour"]! == 10)!;
        Assert.Equal((1, 2), ((int)thursday["needed"]!, (int)thursday["rostered"]!));
        Assert.NotNull(planned.Json["roster"]);

        var bad = await Post("person,day,from,to\n客服A,周八,09:00,12:00\n");
        var empty = await Post(string.Empty);
        Assert.Equal((400, 400), (bad.Status, empty.Status));
        Assert.StartsWith("roster line 2, day: ", (string)bad.Json["detail"]!, StringComparison.Ordinal);
    }
}
