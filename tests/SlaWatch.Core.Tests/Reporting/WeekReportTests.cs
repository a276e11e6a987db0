using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// A week of five tickets and the week before (two chats), written as ingest lines at the times they happened, reported
/// by the report service and rendered by every renderer. Worked by hand under the shipped policy:
/// <list type="bullet">
/// <item>1 e-mail, urgent, Mon 09:00: acknowledged 09:10, answered 09:20, resolved 11:00 "已处理" (vague), confirmed
/// 12:00, 满意.</item>
/// <item>2 chat, Mon 10:00: answered 10:12 (7 min late on 5), reason "agent busy", resolved 10:30, rated 9 of
/// 10.</item>
/// <item>3 phone, high, Tue 14:00: answered 14:00:10 (15 s target), assigned to 客服B, resolved 14:05.</item>
/// <item>4 web, suggestion, Wed 09:00: never answered; at the week's end breached (one working day) without a
/// reason.</item>
/// <item>5 e-mail, Thu 09:00: promised by Fri 18:00, answered 09:30, resolved Sat 10:00 (promise broken), the customer
/// says partly solved, 不满意; the reason for the broken promise entered three hours after it was given.</item>
/// </list>
/// The week before: two chats on Tue 10 Nov answered in 2 and 8 minutes, both resolved.
/// </summary>
public sealed class WeekReportTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-10 08:00"));

    private static readonly (string Wall, string Line)[] Lines =
    [
        ("2026-11-10 10:00", Contact("chat", "w46-1", "2026-11-10T10:00:00", "访客1", "normal", "payment")),
        ("2026-11-10 10:02", Event("20261110-001", "agentResponse", "2026-11-10T10:02:00", "客服A")),
        (
            "2026-11-10 10:20",
            Event(
                "20261110-001",
                "status",
                "2026-11-10T10:20:00",
                "客服A",
                "\"status\":\"resolved\",\"solution\":\"重新下单\""
            )
        ),
        ("2026-11-10 11:00", Contact("chat", "w46-2", "2026-11-10T11:00:00", "访客2", "normal", "payment")),
        ("2026-11-10 11:08", Event("20261110-002", "agentResponse", "2026-11-10T11:08:00", "客服B")),
        (
            "2026-11-10 11:30",
            Event(
                "20261110-002",
                "status",
                "2026-11-10T11:30:00",
                "客服B",
                "\"status\":\"resolved\",\"solution\":\"重置密码\""
            )
        ),
        (
            "2026-11-16 09:00",
            Contact("email", "<t1@x>", "2026-11-16T09:00:00", "zhang.san@example.com", "urgent", "technical-fault")
        ),
        ("2026-11-16 09:10", Event("20261116-001", "acknowledged", "2026-11-16T09:10:00", "客服A")),
        ("2026-11-16 09:20", Event("20261116-001", "agentResponse", "2026-11-16T09:20:00", "客服A")),
        ("2026-11-16 10:00", Contact("chat", "t2", "2026-11-16T10:00:00", "13912341522", "normal", "payment")),
        ("2026-11-16 10:12", Event("20261116-002", "agentResponse", "2026-11-16T10:12:00", "客服B")),
        (
            "2026-11-16 10:13",
            Event(
                "20261116-002",
                "overdueReason",
                "2026-11-16T10:13:00",
                "客服B",
                "\"reason\":\"agent busy\",\"metric\":\"firstResponse\""
            )
        ),
        (
            "2026-11-16 10:30",
            Event(
                "20261116-002",
                "status",
                "2026-11-16T10:30:00",
                "客服B",
                "\"status\":\"resolved\",\"solution\":\"重新绑定银行卡\""
            )
        ),
        (
            "2026-11-16 10:40",
            Event("20261116-002", "satisfaction", "2026-11-16T10:40:00", "customer", "\"rating\":9,\"scale\":10")
        ),
        (
            "2026-11-16 11:00",
            Event(
                "20261116-001",
                "status",
                "2026-11-16T11:00:00",
                "客服A",
                "\"status\":\"resolved\",\"solution\":\"已处理\""
            )
        ),
        (
            "2026-11-16 12:00",
            Event("20261116-001", "customerConfirmed", "2026-11-16T12:00:00", "customer", "\"outcome\":\"resolved\"")
        ),
        (
            "2026-11-16 12:01",
            Event("20261116-001", "satisfaction", "2026-11-16T12:01:00", "customer", "\"rating\":\"满意\"")
        ),
        ("2026-11-17 14:00", Contact("phone", "call-3", "2026-11-17T14:00:00", "13800138000", "high", "refund")),
        ("2026-11-17 14:00:10", Event("20261117-001", "agentResponse", "2026-11-17T14:00:10", "客服C")),
        ("2026-11-17 14:01", Event("20261117-001", "assigned", "2026-11-17T14:01:00", "主管", "\"owner\":\"客服B\"")),
        (
            "2026-11-17 14:05",
            Event(
                "20261117-001",
                "status",
                "2026-11-17T14:05:00",
                "客服B",
                "\"status\":\"resolved\",\"solution\":\"原路退款\""
            )
        ),
        (
            "2026-11-18 09:00",
            Contact("web", "web-4", "2026-11-18T09:00:00", "li.si@example.com", "suggestion", "product-quality")
        ),
        (
            "2026-11-19 09:00",
            Contact("email", "<t5@x>", "2026-11-19T09:00:00", "wang.wu@example.com", "normal", "logistics-delay")
        ),
        (
            "2026-11-19 09:05",
            Event(
                "20261119-001",
                "resolutionPromised",
                "2026-11-19T09:05:00",
                "客服A",
                "\"promisedBy\":\"2026-11-20T18:00:00+08:00\""
            )
        ),
        ("2026-11-19 09:30", Event("20261119-001", "agentResponse", "2026-11-19T09:30:00", "客服A")),
        (
            "2026-11-21 10:00",
            Event(
                "20261119-001",
                "status",
                "2026-11-21T10:00:00",
                "客服A",
                "\"status\":\"resolved\",\"solution\":\"补发快递\""
            )
        ),
        (
            "2026-11-21 13:00",
            Event(
                "20261119-001",
                "overdueReason",
                "2026-11-21T10:00:00",
                "客服A",
                "\"reason\":\"warehouse closed\",\"metric\":\"promisedResolution\""
            )
        ),
        (
            "2026-11-21 15:00",
            Event(
                "20261119-001",
                "customerConfirmed",
                "2026-11-21T15:00:00",
                "customer",
                "\"outcome\":\"partiallyResolved\""
            )
        ),
        (
            "2026-11-21 15:01",
            Event("20261119-001", "satisfaction", "2026-11-21T15:01:00", "customer", "\"rating\":\"不满意\"")
        ),
    ];

    private static string Contact(
        string channel,
        string source,
        string at,
        string from,
        string priority,
        string category
    ) =>
        $$"""{"type":"contact","channel":"{{channel}}","sourceId":"{{source}}","threadKey":"{{source}}","receivedA"""
        + $$"""t":"{{at}}","from":"{{from}}","subject":"s","text":"t","priority":"{{priority}}","categor"""
        + $$"""y":"{{category}}"}""";

    private static string Event(string ticket, string kind, string at, string actor, string more = "") =>
        $$"""{"type":"event","ticket":"{{ticket}}","kind":"{{kind}}","at":"{{at}}","actor":"{{actor}}","sourceI"""
        + $$"""d":"{{ticket}}-{{kind}}-{{at}}"{{(more.Length > 0 ? "," + more : string.Empty)}}}""";

    private async Task<PeriodReport> WeekAsync()
    {
        var lines = _world.Main.Get<InputLineIngester>();
        foreach (var (wall, line) in Lines)
        {
            _world.Time.SetUtcNow(Shipped.At(wall).AddSeconds(20));
            var outcome = await lines.IngestAsync(line, "week-test");
            Assert.True(outcome.Word is "created" or "recorded", $"{wall}: {outcome.Word} {outcome.Reason}");
        }

        _world.Time.SetUtcNow(Shipped.At("2026-11-23 09:00"));
        return await _world.Main.Reports.PeriodAsync(ReportPeriod.Week("2026-W47"));
    }

    private Task<ReportView> ViewAsync(PeriodReport report) => _world.Main.ViewAsync(report);

    [Fact]
    public async Task TheWeeksFiguresAreTheOnesWorkedByHand()
    {
        var report = await WeekAsync();
        var view = await ViewAsync(report);
        double? Row(string key) => view.Rows.Single(row => row.Key == key).Value;
        double? Before(string key) => view.Rows.Single(row => row.Key == key).Previous;

        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (report.Report.From, report.Report.To));
        Assert.Equal(7, report.Trend.Count);
        Assert.Equal([2, 1, 1, 1, 0, 0, 0], report.Trend.Select(day => day.All.Received));
        Assert.Equal(
            (new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15), 2L),
            (report.Previous.From, report.Previous.To, report.Previous.All.Received)
        );

        Assert.Equal(5, Row("received"));
        // Ticket 5's "partly solved" reopened it: three resolved, one reopened.
        Assert.Equal((3, 1), (Row("resolved"), Row("reopened")));
        Assert.Equal(2, Before("received"));
        Assert.Equal("+150.0%", view.Rows.Single(row => row.Key == "received").Change);
        // First responses: 20 min (e-mail), 12, 0.17 (10 s), 30; mean 15.54 min. The week before: 2 and 8, mean 5.
        Assert.Equal((20 + 12 + 10.0 / 60 + 30) / 4, Row("averageFirstResponse")!.Value, 6);
        Assert.Equal(5, Before("averageFirstResponse"));
        // Late first responses: the urgent e-mail (20 min on 15) and the chat, and the unanswered suggestion; the chat
        // has a reason.
        Assert.Equal(40, Row("attainment.firstResponse"));
        Assert.Equal(2, Row("overdueWithoutReason"));
        // Ratings out of five: 满意 5, 9 of 10 4.5, 不满意 1.
        Assert.Equal((5 + 4.5 + 1) / 3, Row("meanScore")!.Value, 6);
        Assert.Equal(100, Row("nps"));
        Assert.Equal(
            ["20261116-001", "20261116-002", "20261118-001", "20261119-001"],
            view.Source.Exceptions.Select(row => row.Number).Order()
        );
        Assert.Contains(view.Source.Exceptions, row =>
            row.Number == "20261118-001" && row.NeedsReason && row.Breached.Contains("firstResponse")
        );
        Assert.Contains(view.Source.Exceptions, row => row.Number == "20261116-001" && row.VagueSolution == "已处理");
        // Open at the week's end, soonest due first: the suggestion (due Wed 18:00) and the reopened e-mail (promised
        // Fri 18:00).
        Assert.Equal(["20261118-001", "20261119-001"], view.Backlog!.Select(row => row.Number));
    }

    [Fact]
    public async Task TheTextReportCanStopItsExceptionsShortAndSaysHowManyMore()
    {
        var view = await ViewAsync(await WeekAsync());
        var shortened = ReportText.Table(view, chinese: false, maxExceptions: 3);
        var whole = ReportText.Table(view, chinese: false);

        Assert.EndsWith("  … and 1 more" + Environment.NewLine, shortened, StringComparison.Ordinal);
        Assert.DoesNotContain("20261119-001  E-mail/Normal", shortened, StringComparison.Ordinal);
        Assert.Contains("20261119-001  E-mail/Normal", whole, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "more",
            whole[whole.LastIndexOf("Overdue, unresolved", StringComparison.Ordinal)..],
            StringComparison.Ordinal
        );
        var full = view with
        {
            Source = view.Source with
            {
                Exceptions = [.. Enumerable.Repeat(view.Source.Exceptions[0], DailyAggregate.MaxExceptions)],
            },
        };
        Assert.EndsWith(
            "  … and 497 more (the list stops at 500)" + Environment.NewLine,
            ReportText.Table(full, chinese: false, maxExceptions: 3),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("week-en.html", false)]
    [InlineData("week-en.txt", false)]
    [InlineData("week-zh.csv", true)]
    [InlineData("week-en.json", false)]
    public async Task EachRendererWritesTheWeekAsReviewed(string golden, bool chinese)
    {
        var report = await WeekAsync();
        var view = await ViewAsync(report);
        var rendered = Path.GetExtension(golden) switch
        {
            ".txt" => ReportText.Table(view, chinese),
            ".csv" => ReportText.Csv(view, chinese),
            ".json" => ReportText.Json(view),
            _ => HtmlReport.Render(view, chinese, "/* echarts left out */", report.Trend, ReportLinks.Served),
        };
        Golden.Check(golden, rendered);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
