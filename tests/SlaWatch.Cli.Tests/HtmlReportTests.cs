using System.Diagnostics;
using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>The HTML report opened in Debian's headless Chromium: every chart draws, no script errors, a screenshot
/// kept.</summary>
[Collection(AzuriteTests.Name)]
public class HtmlReportTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "h" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Theory]
    [InlineData("en", "Daily report 2026-11-16")]
    [InlineData("zh-CN", "客服日报 2026年11月16日")]
    public void TheDailyPageRendersEveryChartWithoutErrors(string lang, string title)
    {
        var input = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<h1@example.com>","receivedAt":"2026-11-16T09:30:"""
                    + """00+08:00","from":"zhang.san@example.com","subject":"无法登录"}""",
                """{"type":"event","ticket":"20261116-001","kind":"agentResponse","at":"2026-11-16T09:40:00+08:"""
                    + """00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261116-001","kind":"status","status":"resolved","at":"2026-11-16T10:"""
                    + """30:00+08:00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261116-001","kind":"satisfaction","rating":"满意","at":"2026-11-16T11:"""
                    + """00:00+08:00","actor":"customer"}""",
                """{"type":"contact","channel":"chat","sourceId":"c1","threadKey":"conv-1","receivedAt":"2026-11-16T"""
                    + """10:00:00+08:00","from":"13912341522","text":"物流"}"""
            )
        );
        Assert.Equal(0, WithStore("ingest", input).ExitCode);
        var page = Path.Combine(TestFolders.Create("slawatch-report-").FullName, $"report-{lang}.html");

        var written = WithStore(
            "report",
            "daily",
            "--date",
            "2026-11-16",
            "--format",
            "html",
            "--out",
            page,
            "--lang",
            lang
        );

        Assert.Equal(0, written.ExitCode);
        var html = File.ReadAllText(page);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.DoesNotContain("zhang.san", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13912341522", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);

        AssertDrawsAndShoot(page, $"report-{lang}");
    }

    [Theory]
    [InlineData("weekly", "--week", "2026-W47", "en", "Weekly report 2026-W47")]
    [InlineData("weekly", "--week", "2026-W47", "zh-CN", "客服周报 2026年第47周（2026年11月16日至11月22日）")]
    [InlineData("monthly", "--month", "2026-11", "en", "Monthly report 2026-11")]
    [InlineData("monthly", "--month", "2026-11", "zh-CN", "客服月报 2026年11月")]
    public void WeeklyAndMonthlyPagesShowPeopleReasonsVerdictsAndTheBacklog(
        string kind,
        string option,
        string period,
        string lang,
        string title
    )
    {
        var input = Cli.TempFile(
            "team.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"chat","sourceId":"w1","threadKey":"k1","receivedAt":"2026-11-17T09:"""
                    + """00:00+08:00","from":"13912341522","text":"支付失败"}""",
                """{"type":"event","ticket":"20261117-001","kind":"agentResponse","at":"2026-11-17T09:12:00+08:"""
                    + """00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261117-001","kind":"overdueReason","reason":"agent busy","metric":"fi"""
                    + """rstResponse","at":"2026-11-17T09:13:00+08:00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261117-001","kind":"status","status":"resolved","at":"2026-11-17T09:"""
                    + """30:00+08:00","actor":"客服A"}""",
                """{"type":"event","ticket":"20261117-001","kind":"satisfaction","rating":"一般","at":"2026-11-17T10:"""
                    + """00:00+08:00","actor":"customer"}""",
                """{"type":"contact","channel":"email","sourceId":"<w2@x>","receivedAt":"2026-11-18T10:00:00+08:"""
                    + """00","from":"li.si@example.com","subject":"订单地址错误"}""",
                """{"type":"event","ticket":"20261118-001","kind":"agentResponse","at":"2026-11-18T14:00:00+08:"""
                    + """00","actor":"客服B"}"""
            )
        );
        Assert.Equal(0, WithStore("ingest", input).ExitCode);
        var page = Path.Combine(TestFolders.Create("slawatch-report-").FullName, $"{kind}-{lang}.html");

        Assert.Equal(
            0,
            WithStore("report", kind, option, period, "--format", "html", "--out", page, "--lang", lang).ExitCode
        );

        var html = File.ReadAllText(page);
        Assert.Contains(title, html, StringComparison.Ordinal);
        foreach (
            var section in new[]
            {
                "section-agents",
                "section-categories",
                "section-reasons",
                "section-ratings",
                "section-backlog",
                "section-exceptions",
            }
        )
        {
            Assert.Contains($"id=\"{section}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains(lang == "zh-CN" ? "系统操作错误" : "System operation error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13912341522", html, StringComparison.Ordinal);
        Assert.DoesNotContain("li.si", html, StringComparison.Ordinal);
        AssertDrawsAndShoot(page, $"{kind}-{lang}");
    }

    /// <summary>Opens the page in Chromium: no script error, every chart drew; a screenshot is kept under the test
    /// output.</summary>
    private static void AssertDrawsAndShoot(string page, string name)
    {
        var dom = Chromium("--dump-dom", page);
        var marker = "<pre id=\"render-status\" hidden=\"\">";
        var start = dom.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "the page did not write its render status");
        var json = System.Net.WebUtility.HtmlDecode(
            dom[(start + marker.Length)..dom.IndexOf("</pre>", start, StringComparison.Ordinal)]
        );
        using var status = JsonDocument.Parse(json);
        Assert.Empty(status.RootElement.GetProperty("errors").EnumerateArray());
        var charts = status
            .RootElement.GetProperty("charts")
            .EnumerateObject()
            .ToDictionary(chart => chart.Name, chart => chart.Value.GetBoolean());
        Assert.Equal(
            ["trend", "rates", "volume", "priority", "category", "heat", "satisfaction", "funnel", "radar"],
            charts.Keys
        );
        Assert.All(charts, chart => Assert.True(chart.Value, $"chart {chart.Key} drew nothing"));

        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var screenshot = Path.Combine(shots, $"{name}.png");
        Chromium($"--screenshot={screenshot}", page, "--window-size=1300,3200");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    private static string Chromium(string action, string page, string? size = null)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (
            var arg in DebianChromium
                .Arguments.Prepend("--headless")
                .Append($"--user-data-dir={TestFolders.Create("slawatch-chromium-").FullName}")
                .Append(action)
        )
        {
            start.ArgumentList.Add(arg);
        }

        if (size is not null)
        {
            start.ArgumentList.Add(size);
        }

        start.ArgumentList.Add(new Uri(page).AbsoluteUri);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("chromium did not start; ./build.sh test installs it as root");
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 90 s");
        }

        return output.Result;
    }
}
