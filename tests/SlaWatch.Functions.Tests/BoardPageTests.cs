using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The live board in Debian's Chromium, driven by Playwright, over tickets ingested into Azurite and a server clock
/// the test moves: countdowns tick, a ticket past due turns red at the next refresh, filters hold across refreshes
/// and reloads, an unreachable server is said plainly, Chinese labels are drawn in a CJK font.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class BoardPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheBoardCountsDownTurnsRedKeepsItsFiltersAndSaysWhenTheServerIsGone()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:34"));
        var urgent = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<u1@x>", "2026-11-16 09:20"), "test");
        var normal = await app.Get<IngestionService>()
            .IngestAsync(Email("<n1@x>", "2026-11-16 09:00", "请问如何导出报表"), "test");
        await app.Get<TicketEventService>()
            .RecordAsync(
                normal.TicketId!,
                new Assigned(Shipped.At("2026-11-16 09:05"), "组长", "assign-1", "客服B"),
                "test"
            );
        var chat = await app.Get<IngestionService>()
            .IngestAsync(
                new InboundContact
                {
                    Channel = Channel.Chat,
                    SourceId = "c1",
                    ThreadKey = "c1",
                    ReceivedAt = Shipped.At("2026-11-16 09:33"),
                    From = "13800001111",
                    Text = "退款什么时候到",
                },
                "test"
            );
        await using var host = await BoardHost.StartAsync(app);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(
            new()
            {
                ViewportSize = new() { Width = 1600, Height = 900 },
            }
        );
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        // Refreshed every 2 s, not every second: the server's clock stands still, so each refresh sets the countdown
        // back to the same text, and only a tick at least a second after it shows another. With a refresh a second,
        // the page's two timers could keep step so that no such tick came for the 30 s the wait allows (seen in CI).
        await page.GotoAsync(new Uri(host.Address, "api/board?lang=en&refresh=2&code=board-key").ToString());
        await page.WaitForFunctionAsync("() => window.boardStatus.refreshes >= 1 && window.boardStatus.chart");
        var urgentRow = page.Locator($"tr[data-number='{urgent.Number}']");
        var countdown = urgentRow.Locator("td[data-metric='firstResponse']");
        var before = await countdown.TextContentAsync();
        // The text it changed to, taken when the change is seen: the next refresh sets it back.
        var changed = await page.WaitForFunctionAsync(
            $"t => {{ const now = document.querySelector(\"tr[data-number='{urgent.Number}'] "
                + $"td[data-metric='firstResponse']\").textContent; return now !== t && now; }}",
            before
        );
        var after = await changed.JsonValueAsync<string>();

        // The urgent e-mail's 15 minutes end at 09:35: at 09:34 it is due soon, about a minute left.
        Assert.Equal("warning", await urgentRow.GetAttributeAsync("data-state"));
        Assert.Matches("^0[01]:[0-5][0-9]$", before!);
        Assert.NotEqual(before, after);
        Assert.Equal(
            [$"{urgent.Number}", $"{chat.Number}", $"{normal.Number}"],
            await page.Locator("#tickets tbody tr")
                .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)")
        );
        Assert.Equal("Data read at 09:34:00", await page.Locator("#read-at").TextContentAsync());
        Assert.Contains(
            "Open tickets (3)",
            await page.Locator("#tickets-title").TextContentAsync(),
            StringComparison.Ordinal
        );

        // Past due on the server: red at the next refresh, and counting up.
        app.Time.SetUtcNow(Shipped.At("2026-11-16 09:36"));
        await page.WaitForFunctionAsync(
            $"() => document.querySelector(\"tr[data-number='{urgent.Number}']\").dataset.state === 'breached'"
        );
        Assert.StartsWith("−", await countdown.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("rgb(239, 68, 68)", await countdown.EvaluateAsync<string>("td => getComputedStyle(td).color"));

        // Filters: one channel, then an owner; they hold across a refresh and a reload.
        await page.SelectOptionAsync("#filter-channel", "email");
        await page.SelectOptionAsync("#filter-owner", "客服B");
        var refreshes = await page.EvaluateAsync<int>("() => window.boardStatus.refreshes");
        await page.WaitForFunctionAsync("n => window.boardStatus.refreshes > n", refreshes);
        Assert.Equal(
            [$"{normal.Number}"],
            await page.Locator("#tickets tbody tr")
                .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)")
        );
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.boardStatus.refreshes >= 1");
        Assert.Equal(
            ("email", "客服B"),
            (await page.InputValueAsync("#filter-channel"), await page.InputValueAsync("#filter-owner"))
        );
        Assert.Equal(1, await page.Locator("#tickets tbody tr").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains("#channel=email&owner=", page.Url, StringComparison.Ordinal);
        await DebianChromium.ShootAsync(page, "board-en");

        // The server goes away: said at once, the last data kept on screen.
        host.Down = true;
        await page.WaitForSelectorAsync("#unreachable.shown");
        Assert.Equal(
            "The server cannot be reached; showing the data read at 09:36:00.",
            await page.Locator("#unreachable").TextContentAsync()
        );
        Assert.Equal(1, await page.Locator("#tickets tbody tr").CountAsync());
        await page.WaitForSelectorAsync("#stale.shown", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task InChineseTheLabelsAreDrawnInACjkFontAndTheChartDraws()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:34"));
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<z1@x>", "2026-11-16 09:20"), "test");
        await using var host = await BoardHost.StartAsync(app);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(
            new()
            {
                ViewportSize = new() { Width = 1280, Height = 800 },
                Locale = "zh-CN",
            }
        );
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        // No lang in the address: the browser's language decides.
        await page.GotoAsync(new Uri(host.Address, "api/board").ToString());
        await page.WaitForFunctionAsync("() => window.boardStatus.refreshes >= 1 && window.boardStatus.chart");

        Assert.Equal("SLA 实时看板", await page.Locator("#title").TextContentAsync());
        Assert.Equal("未结工单（1）", await page.Locator("#tickets-title").TextContentAsync());
        Assert.Equal("紧急", await page.Locator("#tickets tbody tr td").Nth(2).TextContentAsync());
        Assert.Equal(["WenQuanYi Micro Hei"], await Fonts(page, "#title"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#chart canvas') !== null"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // Chinese through and through: what the screen shows has no English word but the language switch's own.
        var shown = await page.EvaluateAsync<string>("() => document.body.innerText");
        Assert.Empty(ChineseScan.EnglishWords(shown, "English"));
        Assert.True(shown.Length > 100, shown);
        await DebianChromium.ShootAsync(page, "board-zh-CN");
    }

    [Fact]
    public async Task TheDataIsTheContractTheScreenReadsAndCarriesNoContact()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:34"));
        var urgent = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<j1@x>", "2026-11-16 09:20"), "test");

        var answer = await app.AnswerAsync(
            await app.Function<LiveBoard>().DataAsync(app.Request("GET", "/api/board/data"), default)
        );
        var page = await app.AnswerAsync(app.Function<LiveBoard>().Page(app.Request("GET", "/api/board")));

        Assert.Equal(200, answer.Status);
        var json = answer.Json;
        Assert.Equal(
            [
                "readAt",
                "day",
                "timeZone",
                "refreshSeconds",
                "tickets",
                "today",
                "alerts",
                "warnings",
                "channels",
                "undelivered",
            ],
            json.AsObject().Select(pair => pair.Key)
        );
        // The channels are the policy's, named for the screen in both languages.
        Assert.Equal(
            ("wecom", "企业微信", "WeCom", "chat"),
            (
                (string)json["channels"]![2]!["key"]!,
                (string)json["channels"]![2]!["nameZh"]!,
                (string)json["channels"]![2]!["nameEn"]!,
                (string)json["channels"]![2]!["kind"]!
            )
        );
        Assert.Equal(
            ("2026-11-16T01:34:00+00:00", "2026-11-16", "Asia/Shanghai", 30),
            ((string)json["readAt"]!, (string)json["day"]!, (string)json["timeZone"]!, (int)json["refreshSeconds"]!)
        );
        var ticket = json["tickets"]![0]!.AsObject();
        Assert.Equal(
            [
                "number",
                "ticketId",
                "channel",
                "priority",
                "category",
                "owner",
                "status",
                "receivedAt",
                "nextMetric",
                "nextDue",
                "state",
                "breached",
                "reason",
                "clocks",
            ],
            ticket.Select(pair => pair.Key)
        );
        Assert.Equal(
            (urgent.Number!.ToString(), "email", "urgent", "Open"),
            (
                (string)ticket["number"]!,
                (string)ticket["channel"]!,
                (string)ticket["priority"]!,
                (string)ticket["status"]!
            )
        );
        Assert.Equal(
            [
                ("acknowledgement", "running", "2026-11-16T02:20:00+00:00"),
                ("firstResponse", "warning", "2026-11-16T01:35:00+00:00"),
                ("resolution", "running", "2026-11-17T01:20:00+00:00"),
            ],
            ticket["clocks"]!
                .AsArray()
                .Select(clock => ((string)clock!["metric"]!, (string)clock["state"]!, (string)clock["due"]!))
        );
        Assert.Equal(["metric", "state", "due", "warnAt"], ticket["clocks"]![0]!.AsObject().Select(pair => pair.Key));
        var all = json["today"]!.AsArray().Single(row => (string)row!["channel"]! == "all")!.AsObject();
        Assert.Equal(
            [
                "channel",
                "arrivals",
                "firstResponses",
                "firstResponsesInTime",
                "firstResponsesDue",
                "meanFirstResponseMinutes",
                "p90FirstResponseMinutes",
                "breaches",
                "targetMeanFirstResponseMinutes",
            ],
            all.Select(pair => pair.Key)
        );
        Assert.Equal((1, 30.0), ((int)all["arrivals"]!, (double)all["targetMeanFirstResponseMinutes"]!));
        Assert.Empty(json["warnings"]!.AsArray());
        Assert.DoesNotContain("13912341522", answer.Body, StringComparison.Ordinal);
        Assert.Equal(("text/html; charset=utf-8", 200), (page.ContentType, page.Status));
        Assert.DoesNotContain("<script src=", page.Body, StringComparison.Ordinal);
        Assert.Contains("echarts", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRefreshIsASettingTheDataCarriesToThePage()
    {
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Shipped.At("2026-11-16 09:34"),
            new Dictionary<string, string?> { ["Board:RefreshSeconds"] = "10" }
        );

        var answer = await app.AnswerAsync(
            await app.Function<LiveBoard>().DataAsync(app.Request("GET", "/api/board/data"), default)
        );

        Assert.Equal(10, (int)answer.Json["refreshSeconds"]!);
    }

    [Fact]
    public async Task AWeekTheCalendarHasNoHolidayDataForIsSaidOnTheBoardInItsLanguage()
    {
        // The shipped office calendar knows 2025 and 2026: from 2026-12-25 the week ahead reaches into 2027.
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-12-28 10:00"));
        var answer = await app.AnswerAsync(
            await app.Function<LiveBoard>().DataAsync(app.Request("GET", "/api/board/data"), default)
        );
        var warning = Assert.Single(answer.Json["warnings"]!.AsArray())!;
        Assert.Equal(
            ("calendar-out-of-range", "office", 2027),
            ((string)warning["code"]!, (string)warning["calendar"]!, (int)warning["years"]![0]!)
        );

        await using var host = await BoardHost.StartAsync(app);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        foreach (
            var (lang, text) in new[]
            {
                ("en", "Calendar 'office' has no holiday data for 2027 (it covers 2025-01-01 to 2026-12-31)"),
                ("zh-CN", "日历“office”没有 2027 年的节假日数据（现有 2025-01-01 至 2026-12-31）"),
            }
        )
        {
            await page.GotoAsync(new Uri(host.Address, "api/board?lang=" + lang).ToString());
            await page.WaitForFunctionAsync("() => window.boardStatus.refreshes >= 1");
            Assert.True(await page.Locator("#calendar-warning").IsVisibleAsync());
            var shown = await page.Locator("#calendar-warning").TextContentAsync() ?? string.Empty;
            Assert.StartsWith(text, shown, StringComparison.Ordinal);
            // The reports' own words, with what to do about it.
            Assert.Contains("slawatch calendar import", shown, StringComparison.Ordinal);
        }
    }

    private static InboundContact Email(string source, string wall, string subject) =>
        new()
        {
            Channel = Channel.Email,
            SourceId = source,
            ReceivedAt = Shipped.At(wall),
            From = "wang.wu@example.com",
            Subject = subject,
        };

    /// <summary>The platform fonts Chromium drew an element's text with (DevTools' CSS domain).</summary>
    private static async Task<string[]> Fonts(IPage page, string selector)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("DOM.enable");
        await session.SendAsync("CSS.enable");
        var document = await session.SendAsync("DOM.getDocument");
        var node = await session.SendAsync(
            "DOM.querySelector",
            new Dictionary<string, object>
            {
                ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
                ["selector"] = selector,
            }
        );
        var fonts = await session.SendAsync(
            "CSS.getPlatformFontsForNode",
            new Dictionary<string, object> { ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32() }
        );
        return
        [
            .. fonts!
                .Value.GetProperty("fonts")
                .EnumerateArray()
                .Select(font => font.GetProperty("familyName").GetString()!)
                .Distinct(),
        ];
    }
}
