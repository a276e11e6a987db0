using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>
/// The shared workbench in Debian's Chromium, driven by Playwright, over <c>slawatch serve</c> on a free port and
/// Azurite: people sign in as development users, take, pause, resume, resolve and rate; a lead transfers; two
/// browsers resolve one ticket and the second is told; another agent's ticket and a cross-site form are refused; no
/// sign-in, no page; the resolution is in the day's report; axe finds no serious violation. Screenshots are kept
/// beside the test assembly under <c>screenshots/</c>.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class WorkbenchPageTests(AzuriteFixture azurite)
{
    private const string Now = "2026-11-16T10:00:00+08:00";

    private readonly string _prefix = "w" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AgentsAndALeadWorkTicketsThroughThePageSignedInAsThemselves()
    {
        Seed(
            Contact("email", "<login@x>", "2026-11-16T09:30:00+08:00", "zhang.san@example.com", "App 无法登录"),
            Contact("email", "<refund@x>", "2026-11-16T09:35:00+08:00", "li.si@example.com", "退款什么时候到"),
            Contact("chat", "c-b", "2026-11-16T09:40:00+08:00", "13912341522", "物流一直没有更新"),
            """{"type":"event","ticket":"20261116-003","kind":"assigned","owner":"客服B","actor":"组长","""
                + """ "at":"2026-11-16T09:41:00+08:00"}""",
            """{"type":"event","ticket":"20261116-001","kind":"escalated","metric":"firstResponse","level":2,"""
                + """ "actor":"scanner","at":"2026-11-16T09:45:00+08:00"}"""
        );
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, _prefix, Now, "--no-demo");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);

        // Without sign-in: the page sends you to sign in, the JSON says 401.
        var anonymous = await browser.NewContextAsync();
        var queueResponse = await anonymous.APIRequest.GetAsync(Url(serve, "api/workbench/queue"));
        Assert.Equal(401, queueResponse.Status);
        var landing = await anonymous.NewPageAsync();
        await landing.GotoAsync(Url(serve, "api/workbench"));
        Assert.Contains("/signin?returnTo=", landing.Url, StringComparison.Ordinal);

        // 客服A takes the unassigned login e-mail (首问负责), pauses, resumes, resolves with a solution, records 满意.
        var (agentA, errorsA) = await SignedInAsync(browser, serve, "agent-a");
        await agentA.ClickAsync("#tab-unassigned");
        await agentA.WaitForSelectorAsync(".row[data-number='20261116-001']");
        Assert.Equal("2", await agentA.Locator("#tab-unassigned .count").TextContentAsync());
        await AxeAsync(agentA, "queue");
        await NoEnglishAsync(agentA);
        await DebianChromium.ShootAsync(agentA, "workbench-unassigned-zh");
        await agentA.ClickAsync(".row[data-number='20261116-001'] button.take");
        await agentA.WaitForFunctionAsync("() => document.querySelector('#tab-mine .count').textContent === '1'");
        await agentA.ClickAsync("#tab-mine");
        await agentA.ClickAsync(".row[data-number='20261116-001'] a");
        await agentA.WaitForSelectorAsync("#ticket.shown");
        Assert.Equal("客服A", await Field(agentA, "owner"));
        Assert.Equal("z***@e***.com", await Field(agentA, "customer"));
        // The masked customer's mail domain and what they wrote ("App 无法登录") are theirs, not the page's words.
        await NoEnglishAsync(agentA, "com", "App");

        // An alert's link opens the ticket on the clock to acknowledge; the acknowledgement is on the timeline.
        var alerted = await TicketId(agentA);
        await agentA.GotoAsync(
            Url(serve, "api/workbench") + $"#ticket={Uri.EscapeDataString(alerted)}&ack=firstResponse"
        );
        await agentA.ReloadAsync();
        await agentA.WaitForSelectorAsync("#ticket.shown");
        Assert.Equal("firstResponse", await agentA.InputValueAsync("#ack-metric"));
        await Submit(agentA, "acknowledge");
        Assert.Contains("告警确认", await agentA.Locator("#timeline").TextContentAsync(), StringComparison.Ordinal);
        // That clock's alert is taken: it is no longer offered.
        Assert.Equal(0, await agentA.Locator("#ack-metric option[value='firstResponse']").CountAsync());

        await agentA.FillAsync("#text-pause", "等待客户提供订单号");
        await Submit(agentA, "pause");
        Assert.Equal("等待客户", await Field(agentA, "status"));
        await Submit(agentA, "resume");
        Assert.Equal("处理中", await Field(agentA, "status"));
        await agentA.FillAsync("#text-resolve", "已重置登录密码，客户确认可以正常登录");
        await Submit(agentA, "resolve");
        Assert.Equal("已解决", await Field(agentA, "status"));
        Assert.Equal("已重置登录密码，客户确认可以正常登录", await Field(agentA, "solution"));
        await agentA.SelectOptionAsync("#score", "3");
        await Submit(agentA, "rate");
        Assert.Equal("满意", await Field(agentA, "satisfaction"));
        var timeline = await agentA.Locator("#timeline li").AllTextContentsAsync();
        Assert.Contains(timeline, line => line.Contains("分派", StringComparison.Ordinal));
        Assert.Contains(timeline, line => line.Contains("客服A · 来自 127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain("zhang.san", string.Join('\n', timeline), StringComparison.Ordinal);
        // The alert sent, and to whom: the policy's level 2 of a first response notifies the supervisor.
        Assert.Contains(timeline, line =>
            line.Contains("升级告警", StringComparison.Ordinal)
            && line.Contains("首次响应 L2 · 通知 主管", StringComparison.Ordinal)
        );
        await AxeAsync(agentA, "ticket");
        await DebianChromium.ShootAsync(agentA, "workbench-ticket-zh");

        // The audit: every event, who, from where; exportable as CSV.
        var audit = await (
            await agentA.Context.APIRequest.GetAsync(
                Url(serve, $"api/workbench/tickets/{await TicketId(agentA)}/audit")
            )
        ).TextAsync();
        var auditLines = audit.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFat,recorded_at,event,actor,from,source", auditLines[0]);
        // Take, acknowledge, pause, resume, resolve, rate.
        Assert.Contains(auditLines, line =>
            line.Contains(",AlertAcknowledged,客服A,127.0.0.1,", StringComparison.Ordinal)
        );
        Assert.Equal(
            6,
            auditLines.Count(line => line.Contains(",客服A,127.0.0.1,workbench:agent-a:", StringComparison.Ordinal))
        );

        // 客服A may not act on 客服B's chat: 403 from the server, whatever the page offers.
        var refused = await agentA.EvaluateAsync<int>(
            """
            async id => (await fetch("workbench/tickets/20261116-003/resolve", {
              method: "POST",
              headers: { "Content-Type": "application/json", "X-SlaWatch-Request": "workbench" },
              body: JSON.stringify({ requestId: "steal", text: "抢单" })
            })).status
            """
        );
        Assert.Equal(403, refused);

        // A form on another site posting to the workbench: refused (the cookie is SameSite=Strict and the form
        // cannot send the header); the ticket is unchanged.
        var crossSite = await agentA.Context.NewPageAsync();
        await crossSite.SetContentAsync(
            $"""
            <form method="post" action="{Url(serve, "api/workbench/tickets/20261116-002/resolve")}">
              <input name="text" value="forged"><button>go</button>
            </form>
            """
        );
        var forged = await crossSite.RunAndWaitForResponseAsync(
            () => crossSite.ClickAsync("button"),
            response => response.Url.Contains("/resolve", StringComparison.Ordinal)
        );
        Assert.True(forged.Status is 401 or 403, $"status {forged.Status}");

        // The lead transfers the refund e-mail to 客服B.
        var (lead, errorsLead) = await SignedInAsync(browser, serve, "lead");
        await lead.ClickAsync("#tab-unassigned");
        await lead.ClickAsync(".row[data-number='20261116-002'] a");
        await lead.WaitForSelectorAsync("#ticket.shown");
        await lead.FillAsync("#owner-input", "客服B");
        await Submit(lead, "transfer");
        Assert.Equal("客服B", await Field(lead, "owner"));

        // 客服B and the lead resolve it at once: one wins, the other is told who and what, and sees it as it stands.
        var (agentB, errorsB) = await SignedInAsync(browser, serve, "agent-b");
        await agentB.ClickAsync(".row[data-number='20261116-002'] a");
        await agentB.WaitForSelectorAsync("#ticket.shown");
        await agentB.FillAsync("#text-resolve", "退款已原路退回，预计 3 个工作日到账");
        await lead.FillAsync("#text-resolve", "已联系财务处理退款");
        await Submit(agentB, "resolve");
        await lead.ClickAsync("form[data-action='resolve'] button[type=submit]");
        await lead.WaitForSelectorAsync("#problem.shown");
        var conflict = await lead.Locator("#problem").TextContentAsync();
        Assert.Contains("其他人刚刚处理了此工单", conflict, StringComparison.Ordinal);
        Assert.Contains("客服B", conflict, StringComparison.Ordinal);
        await lead.WaitForFunctionAsync(
            "() => document.querySelector(\"tr[data-field='status'] td\").textContent === '已解决'"
        );
        Assert.Equal("退款已原路退回，预计 3 个工作日到账", await Field(lead, "solution"));
        await DebianChromium.ShootAsync(lead, "workbench-conflict-zh");

        // In English too.
        await agentB.ClickAsync("#lang");
        await agentB.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await agentB.WaitForSelectorAsync("#ticket.shown");
        Assert.Equal("Resolved", await Field(agentB, "status"));
        await DebianChromium.ShootAsync(agentB, "workbench-ticket-en");

        // The day's report counts both resolutions.
        var report = await (
            await anonymous.APIRequest.GetAsync(Url(serve, "api/reports/daily?date=2026-11-16&format=json"))
        ).TextAsync();
        var figures = JsonDocument.Parse(report).RootElement.GetProperty("figures").EnumerateArray().ToArray();
        double Figure(string key) =>
            figures.First(row => row.GetProperty("key").GetString() == key).GetProperty("value").GetDouble();
        Assert.Equal((3, 2), (Figure("received"), Figure("resolved")));

        Assert.True(errorsA.Count + errorsB.Count + errorsLead.Count == 0, string.Join('\n', errorsA.Concat(errorsB)));
    }

    [Fact]
    public async Task AnEmptyStoreGetsADemoBacklogAndTheStartPageLinksEverything()
    {
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, _prefix, Now);
        Assert.Contains("The store was empty: 60 demo tickets.", serve.Output, StringComparison.Ordinal);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(serve.Address.ToString());
        Assert.Equal(
            ["api/workbench", "api/board?lang=zh-CN", "api/reports/daily?format=html&lang=zh-CN"],
            (
                await page.Locator("a.card")
                    .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")
            ).Take(3)
        );
        await AxeAsync(page, "start");
        await page.ClickAsync("#link-workbench");
        await page.WaitForURLAsync("**/signin?returnTo=*");
        await AxeAsync(page, "sign-in");
        var queueRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/workbench/queue", StringComparison.Ordinal))
            {
                queueRequests.Add(new Uri(request.Url).Query);
            }
        };
        await page.ClickAsync("button[data-user='agent-a']");
        await page.WaitForFunctionAsync("() => window.workbenchStatus && window.workbenchStatus.refreshes >= 1");
        // The page asks for its first screen of rows beside who is signed in; a tab chosen later comes whole.
        Assert.Matches("^\\?tab=mine&first=[1-9][0-9]*$", queueRequests[0]);
        await page.ClickAsync("#tab-open");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.row').length > 10");
        // Of the 60, the demo resolved 4 (its seed is fixed): 56 open.
        Assert.Equal("56", await page.Locator("#tab-open .count").TextContentAsync());
        Assert.Equal("?tab=open", queueRequests[^1]);
        // The channel filter offers the policy's channels by their names.
        var channels = await page.Locator("#filter-channel option").AllTextContentsAsync();
        Assert.All(["官网客服", "微信公众号", "企业微信", "电话热线", "邮件"], name => Assert.Contains(name, channels));
        await DebianChromium.ShootAsync(page, "workbench-demo-open-zh");

        // A restart finds the store in use and adds nothing.
        await serve.DisposeAsync();
        await using var again = await ServeProcess.StartAsync(azurite.ConnectionString, _prefix, Now);
        Assert.DoesNotContain("demo tickets", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportsFiguresOpenTheTicketsBehindThemAndAnAgentSeesOnlyTheirOwn()
    {
        Seed(
            Contact("email", "<a@x>", "2026-11-16T09:30:00+08:00", "zhang.san@example.com", "App 无法登录"),
            Contact("email", "<b@x>", "2026-11-16T09:35:00+08:00", "li.si@example.com", "退款什么时候到"),
            Contact("chat", "c-1", "2026-11-16T09:40:00+08:00", "13912341522", "物流一直没有更新"),
            """{"type":"event","ticket":"20261116-002","kind":"agentResponse","actor":"客服A","""
                + """ "at":"2026-11-16T09:36:00+08:00"}""",
            """{"type":"event","ticket":"20261116-002","kind":"assigned","owner":"客服A","actor":"组长","""
                + """ "at":"2026-11-16T09:36:00+08:00"}"""
        );
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, _prefix, Now, "--no-demo");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var (lead, errors) = await SignedInAsync(browser, serve, "lead");
        var report = Url(serve, "api/reports/daily?date=2026-11-16&format=html&lang=zh-CN");

        async Task<(string Figure, int Rows, string Count)> FollowAsync(IPage page, string link)
        {
            await page.GotoAsync(report);
            var figure = (await page.Locator(link).First.TextContentAsync())!;
            await page.Locator(link).First.ClickAsync();
            await page.WaitForFunctionAsync(
                "() => window.workbenchStatus && (window.workbenchStatus.refreshes >= 1"
                    + " || document.querySelector('#problem.shown'))"
            );
            Assert.False(
                await page.Locator("#problem.shown").IsVisibleAsync(),
                await page.Locator("#problem").TextContentAsync() + " at " + page.Url
            );
            return (
                figure,
                await page.Locator("#list .row").CountAsync(),
                (await page.Locator("#drill-count").TextContentAsync())!
            );
        }

        var received = await FollowAsync(lead, "a.drill[href*='dimension=all'][href*='measure=received']");
        Assert.Equal(("3", 3, "3 张"), received);
        Assert.StartsWith(
            "受理量 · 全部 · 2026年11月16日",
            await lead.Locator("#drill-title").TextContentAsync(),
            StringComparison.Ordinal
        );
        await AxeAsync(lead, "drill");
        await DebianChromium.ShootAsync(lead, "workbench-drill-zh");
        var mail = await FollowAsync(
            lead,
            "#section-channel + table a.drill[href*='dimension=channel%3Aemail'][href*='measure=received']"
        );
        Assert.Equal(("2", 2, "2 张"), mail);
        // A rate: the tickets in time, out of those measured; the share is the report's figure.
        var inTime = await FollowAsync(
            lead,
            "a.drill[href*='dimension=all'][href*='measure=attainment.firstResponse']"
        );
        Assert.Equal($"{inTime.Rows} / 3 张（{inTime.Figure}）", inTime.Count);
        // The board's figures of today lead to the same lists.
        var board = Url(serve, "api/board?lang=zh-CN");
        report = board;
        var arrivals = await FollowAsync(lead, "#today tr[data-channel='all'] a.drill[href*='measure=received']");
        Assert.Equal(("3", 3, "3 张"), arrivals);
        var chatInTime = await FollowAsync(
            lead,
            "#today tr[data-channel='chat'] a.drill[href*='measure=attainment.firstResponse']"
        );
        Assert.StartsWith(
            chatInTime.Figure.Replace("/", " / ", StringComparison.Ordinal) + " 张",
            chatInTime.Count,
            StringComparison.Ordinal
        );
        Assert.Equal(chatInTime.Figure.Split('/')[0], chatInTime.Rows.ToString(CultureInfo.InvariantCulture));
        Assert.Empty(errors);
        report = Url(serve, "api/reports/daily?date=2026-11-16&format=html&lang=zh-CN");

        // An agent opens the tickets behind their own scorecard, not the team's.
        var (agent, _) = await SignedInAsync(browser, serve, "agent-a");
        var own = await FollowAsync(
            agent,
            $"#section-agents + table a.drill[href*='dimension={Uri.EscapeDataString("agent:客服A")}&']"
                + "[href*='measure=received']"
        );
        Assert.Equal(("1", 1, "1 张"), own);
        await agent.GotoAsync(report);
        await agent.Locator("a.drill[href*='dimension=all'][href*='measure=received']").ClickAsync();
        await agent.WaitForSelectorAsync("#problem.shown");
        Assert.Contains(
            "an agent sees the tickets behind their own figures",
            await agent.Locator("#problem").TextContentAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AnAgentOpensTheirOwnCoachingCardOnlyAndTheLeadOpensItFromTheReport()
    {
        Seed(
            Contact("chat", "c-1", "2026-11-10T10:00:00+08:00", "13912341522", "物流一直没有更新"),
            """{"type":"event","ticket":"20261110-001","kind":"assigned","owner":"客服A","actor":"组长","""
                + """ "at":"2026-11-10T10:00:00+08:00"}""",
            """{"type":"event","ticket":"20261110-001","kind":"agentResponse","actor":"客服A","""
                + """ "at":"2026-11-10T10:02:00+08:00"}"""
        );
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, _prefix, Now, "--no-demo");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);

        var (agent, errors) = await SignedInAsync(browser, serve, "agent-a");
        await agent.ClickAsync("#link-coaching");
        Assert.Equal(Rendering.HtmlCoaching.ChartIds, await DebianChromium.ChartsDrawnAsync(agent));
        Assert.StartsWith("辅导卡：客服A", await agent.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        // W46 holds the one chat, answered in 2 minutes: in time.
        Assert.Equal(
            ["2026-W46", "1", "100.0%"],
            (await agent.Locator("#weeks tr:last-child td").AllTextContentsAsync()).Take(3)
        );
        await DebianChromium.ShootAsync(agent, "coaching-zh");
        var others = await agent.APIRequest.GetAsync(
            Url(serve, "api/workbench/coaching?agent=" + Uri.EscapeDataString("客服B"))
        );
        Assert.Equal(403, others.Status);
        Assert.Contains("an agent sees their own coaching card", await others.TextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);

        // The lead opens it from the week's report, where the agent's name links to it.
        var (lead, _) = await SignedInAsync(browser, serve, "lead");
        await lead.GotoAsync(Url(serve, "api/reports/weekly?week=2026-W46&format=html&lang=zh-CN"));
        await lead.ClickAsync("#section-agents + table a[href*='coaching']");
        await DebianChromium.ChartsDrawnAsync(lead);
        Assert.StartsWith("辅导卡：客服A", await lead.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeStopsWhenAsked()
    {
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, _prefix, Now, "--no-demo");

        Assert.Equal(0, await serve.TerminateAsync());
    }

    [Fact]
    public void TheDevelopmentSignInIsRefusedOffLoopback()
    {
        var result = Cli.Run("serve", "--urls", "http://0.0.0.0:5080", "--now", Now);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--urls: http://0.0.0.0:5080 is not a loopback address",
            result.Error,
            StringComparison.Ordinal
        );
    }

    private void Seed(params string[] lines) =>
        Assert.Equal(
            0,
            Cli.OnStore(
                azurite.ConnectionString,
                _prefix,
                "ingest",
                Cli.TempFile("seed.jsonl", string.Join('\n', lines))
            ).ExitCode
        );

    private static string Contact(string channel, string source, string at, string from, string text) =>
        JsonSerializer.Serialize(
            new
            {
                type = "contact",
                channel,
                sourceId = source,
                threadKey = source,
                receivedAt = at,
                from,
                subject = text,
                text,
            }
        );

    private static string Url(ServeProcess serve, string path) => new Uri(serve.Address, path).ToString();

    private static async Task<(IPage Page, List<string> Errors)> SignedInAsync(
        IBrowser browser,
        ServeProcess serve,
        string user
    )
    {
        var context = await browser.NewContextAsync(
            new()
            {
                ViewportSize = new() { Width = 1400, Height = 900 },
                Locale = "zh-CN",
            }
        );
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // A refused request (the 403 and 409 the test provokes) is logged by the browser; scripts may not fail.
            if (message.Type == "error" && !message.Text.Contains("status of 4", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(Url(serve, "api/workbench"));
        await page.ClickAsync($"button[data-user='{user}']");
        await page.WaitForFunctionAsync("() => window.workbenchStatus && window.workbenchStatus.refreshes >= 1");
        return (page, errors);
    }

    private static async Task Submit(IPage page, string action)
    {
        var renders = await page.EvaluateAsync<int>("() => document.querySelectorAll('#timeline li').length");
        await page.ClickAsync($"form[data-action='{action}'] button[type=submit]");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#timeline li').length > n", renders);
        Assert.False(
            await page.Locator("#problem.shown").IsVisibleAsync(),
            await page.Locator("#problem").TextContentAsync()
        );
    }

    private static async Task<string?> Field(IPage page, string name) =>
        await page.Locator($"tr[data-field='{name}'] td").TextContentAsync();

    private static async Task<string> TicketId(IPage page) =>
        Uri.UnescapeDataString(
            (await page.EvaluateAsync<string>("() => new URLSearchParams(location.hash.slice(1)).get('ticket')"))
        );

    /// <summary>Chinese through and through: no English word on the page but the language switch's own, the audit's
    /// file format (CSV) and the overdue reasons the settings offer (bilingual by default, "坐席繁忙 agent busy": they
    /// are recorded as chosen, and read by both languages' reports).</summary>
    private static async Task NoEnglishAsync(IPage page, params string[] allowed)
    {
        var shown = await page.EvaluateAsync<string>("() => document.body.innerText");
        string[] offered =
        [
            .. new Core.Workbench.WorkbenchOptions().OverdueReasons.SelectMany(reason =>
                reason.Split(' ').Where(word => word.All(char.IsAsciiLetter))
            ),
        ];
        Assert.Empty(ChineseScan.EnglishWords(shown, [.. allowed, .. offered, "English", "CSV"]));
    }

    /// <summary>axe-core over the page as it stands: nothing serious or critical.</summary>
    private static async Task AxeAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result
            .Violations.Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes)")
            .ToArray();
        Assert.True(serious.Length == 0, $"{what}: " + string.Join("; ", serious));
    }
}
