using System.Text.RegularExpressions;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tests.Tickets;
using SlaWatch.Core.Tickets;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>What the templates are used for: people and teams, reasons, ratings, verdicts, categories, months and
/// change.</summary>
public class ReportSectionsTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    private static readonly SlaPolicy Policy = Shipped.Policy with
    {
        Resolution = new ResolutionStop(ResolutionStopsAt.Resolved),
        Teams = new TeamDirectory(
            new Dictionary<string, IReadOnlyList<string>> { ["一组"] = ["客服A", "客服B"], ["二组"] = ["客服C"] }
        ),
    };

    private static DateTimeOffset At(DateOnly day, int minutes) =>
        Shipped.At($"{day:yyyy-MM-dd} 09:00").AddMinutes(minutes);

    /// <summary>A chat ticket (5-minute first-response target) answered after <paramref name="reply"/> minutes by an
    /// agent.</summary>
    private static StoredTicket Chat(
        DateOnly day,
        int serial,
        string agent,
        string category,
        int reply,
        bool resolved,
        params TicketEvent[] more
    )
    {
        var id = $"t{day:MMdd}-{serial}";
        List<TicketEvent> events =
        [
            new Received(
                At(day, 0),
                "customer",
                id,
                Channel.Chat,
                Priority.Normal,
                category,
                CustomerRef.FromContact($"1391234{serial:0000}")
            ),
            new AgentResponse(At(day, reply), agent, id + "-a"),
        ];
        if (resolved)
        {
            events.Add(new StatusChanged(At(day, reply + 10), agent, id + "-r", TicketStatus.Resolved));
        }

        events.AddRange(more);
        return StoredTickets.Of(id, day, serial, events);
    }

    private static OverdueReason Reason(DateOnly day, string text) =>
        new(At(day, 8), "客服A", $"reason-{text}", text, SlaMetric.FirstResponse);

    private static SatisfactionRated Rating(DateOnly day, int score, int scale) =>
        new(At(day, 60), "customer", $"rating-{score}-{scale}", score, scale);

    private static StoredTicket[] DayOfTickets(DateOnly day) =>
        [
            // 客服A: on time and resolved, satisfied (3 of 3), the customer confirms.
            Chat(
                day,
                1,
                "客服A",
                "payment",
                2,
                resolved: true,
                Rating(day, 3, 3),
                new CustomerConfirmed(At(day, 90), "customer", "ok", Confirmation.Resolved)
            ),
            // 客服A: late (12 min) with a reason, resolved, neutral (2 of 3).
            Chat(day, 2, "客服A", "payment", 12, resolved: true, Reason(day, "agent busy"), Rating(day, 2, 3)),
            // 客服B: late (20 min) without a reason, unresolved.
            Chat(day, 3, "客服B", "system-operation-error", 20, resolved: false),
            // 客服C: late (30 min), two reasons, resolved; the customer says only partly solved; 4 of 5.
            Chat(
                day,
                4,
                "客服C",
                "system-operation-error",
                30,
                resolved: true,
                Reason(day, "agent busy"),
                Reason(day, "verifying information"),
                Rating(day, 4, 5),
                new CustomerConfirmed(At(day, 100), "customer", "partly", Confirmation.PartiallyResolved)
            ),
        ];

    private static DailyAggregate Fold(DateOnly day, IEnumerable<StoredTicket> tickets) =>
        new(
            day,
            day,
            Policy.Version,
            At(day, 600),
            DailyAggregator.Fold(tickets, Policy, At(day, 600), new RepeatHistory([], TimeSpan.FromDays(30))),
            []
        );

    private static ReportView View() =>
        ReportView.For(Fold(Day, DayOfTickets(Day)), Policy) with
        {
            Rules = Shipped.Rules,
        };

    [Fact]
    public void OnePersonUnderEveryNameTheyGoByIsOneScorecardInTheirTeam()
    {
        // 客服A answers chat as herself and the phone as extension 8001; 客服B's executor name is her sign-in id.
        var people = new PeopleDirectory(
            new Dictionary<string, IReadOnlyList<string>> { ["客服A"] = ["8001", "oid-a"], ["客服B"] = ["oid-b"] }
        );
        var policy = Policy with { People = people };
        StoredTicket[] tickets =
        [
            Chat(Day, 1, "客服A", "payment", 3, resolved: true),
            Chat(Day, 2, "8001", "payment", 4, resolved: true),
            Chat(Day, 3, "OID-A", "payment", 5, resolved: false),
            Chat(
                Day,
                4,
                "客服B",
                "payment",
                6,
                resolved: false,
                new Assigned(At(Day, 7), "lead", "x", "客服B", "oid-b")
            ),
        ];

        var figures = DailyAggregator.Fold(tickets, policy, At(Day, 600), new RepeatHistory([], TimeSpan.FromDays(30)));

        Assert.Equal(3, figures["agent:客服A"].Received);
        Assert.DoesNotContain("agent:8001", figures.Keys);
        Assert.DoesNotContain("agent:OID-A", figures.Keys);
        Assert.Equal(4, figures["team:一组"].Received);
        // The executor is the owner under another name: no executor scorecard of her own.
        Assert.DoesNotContain(figures.Keys, key => key.StartsWith("executor:", StringComparison.Ordinal));
        Assert.Equal(
            ("客服A", "unknown", null),
            (people.NameOf("8001"), people.NameOf("unknown"), people.NameOf(null))
        );
        Assert.Equal(["客服A", "8001", "oid-a"], people.NamesOf("oid-A"));
        Assert.Equal(["someone"], people.NamesOf("someone"));
    }

    [Fact]
    public void AgentsAndTeamsHaveTheirScorecards()
    {
        var view = View();
        var agents = view.Scorecards("agent").ToDictionary(card => card.Name);
        var teams = view.Scorecards("team").ToDictionary(card => card.Name);

        var a = agents["客服A"];
        Assert.Equal(
            (2L, 7.0, 50.0, 100.0, 50.0, 1L, 0L),
            (
                a.Tickets,
                a.FirstResponseMean!.Value,
                a.Attainment!.Value,
                a.ResolutionRate!.Value,
                a.Satisfied!.Value,
                a.Overdue,
                a.OverdueWithoutReason
            )
        );
        Assert.Equal([new ReasonCount("agent busy", 1)], a.Reasons);
        var one = teams["一组"];
        Assert.Equal(
            (3L, 34.0 / 3, 200.0 / 3, 2L, 1L),
            (
                one.Tickets,
                one.FirstResponseMean!.Value,
                one.ResolutionRate!.Value,
                one.Overdue,
                one.OverdueWithoutReason
            )
        );
        var two = teams["二组"];
        // The customer's "partly solved" reopened 客服C's ticket: nothing resolved, though rated 4 of 5 (satisfied).
        Assert.Equal(
            (1L, 30.0, 0.0, 100.0),
            (two.Tickets, two.FirstResponseMean!.Value, two.ResolutionRate!.Value, two.Satisfied!.Value)
        );
        Assert.Equal([new ReasonCount("agent busy", 1), new ReasonCount("verifying information", 1)], two.Reasons);
    }

    [Fact]
    public void ReasonsRatingsAndVerdictsAreCountedAndOverdueWithoutAReasonFlagged()
    {
        var all = View().Source.All;

        Assert.Equal((3L, 1L), (all.Overdue, all.OverdueWithoutReason));
        Assert.Equal(new Dictionary<string, long> { ["agent busy"] = 2, ["verifying information"] = 1 }, all.Reasons);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["3:3"] = 1,
                ["3:2"] = 1,
                ["5:4"] = 1,
            },
            all.Ratings
        );
        Assert.Equal(new Dictionary<string, long> { ["resolved"] = 1, ["partiallyResolved"] = 1 }, all.Verdicts);
        var zh = ReportTables
            .For(View(), new ReportLabels(chinese: true, Shipped.Rules))
            .ToDictionary(table => table.Key);
        Assert.Equal(
            [
                ["满意", "1", "50.0%"],
                ["一般", "1", "50.0%"],
                ["4 / 5", "1", "100.0%"],
            ],
            zh["ratings"].Rows
        );
        Assert.Equal(
            [
                ["已解决", "1"],
                ["部分解决", "1"],
            ],
            zh["verdicts"].Rows
        );
        Assert.Equal(["（超时未填原因）", "1"], zh["reasons"].Rows[^1]);
    }

    [Fact]
    public void CategoriesBelowTheTargetsAreMarkedLowAndNamedByTheRules()
    {
        var categories = View().Scorecards("category").ToDictionary(card => card.Name);

        // Payment: both resolved (100% ≥ 95%), first contact 2 of 2 (≥ 80%): fine. Operation errors: none resolved.
        Assert.False(categories["payment"].Low);
        Assert.True(categories["system-operation-error"].Low);
        var table = ReportTables
            .For(View(), new ReportLabels(chinese: true, Shipped.Rules))
            .Single(table => table.Key == "categories");
        Assert.Contains(table.Rows, row => row[0] == "▼ 系统操作错误");
        Assert.Contains(table.Rows, row => row[0] == "支付问题");
    }

    [Fact]
    public void AMonthMergedFromItsDaysEqualsTheMonthFoldedAtOnce()
    {
        var days = Enumerable.Range(0, 30).Select(offset => new DateOnly(2026, 11, 1).AddDays(offset)).ToArray();
        var tickets = days.Select(day => DayOfTickets(day)).ToArray();
        var merged = DailyAggregate.Merge(days[0], days[^1], [.. days.Select((day, i) => Fold(day, tickets[i]))]);
        var atOnce = DailyAggregator.Fold(
            tickets.SelectMany(day => day),
            Policy,
            At(days[^1], 600),
            new RepeatHistory([], TimeSpan.FromDays(30))
        );

        foreach (var (dimension, figures) in atOnce)
        {
            var month = merged.Figures[dimension];
            Assert.Equal(
                (figures.Received, figures.Resolved, figures.Overdue, figures.FirstContactResolved),
                (month.Received, month.Resolved, month.Overdue, month.FirstContactResolved)
            );
            Assert.Equal(figures.FirstResponse.Sum, month.FirstResponse.Sum, 6);
            Assert.Equal(figures.FirstResponse.P90, month.FirstResponse.P90);
            Assert.Equal(figures.Reasons, month.Reasons);
        }

        Assert.Equal(30 * 4, merged.All.Received);
        Assert.Equal(ReportPeriod.Month("2026-11"), ReportPeriod.Of(days[0], days[^1]));
        Assert.Equal("Monthly report 2026-11", ReportView.For(merged, Policy).Title);
    }

    [Fact]
    public void EachFigureStandsBesideThePeriodBefore()
    {
        var november = Fold(Day, DayOfTickets(Day));
        var october = Fold(Day.AddMonths(-1), [.. DayOfTickets(Day.AddMonths(-1)).Take(2)]);
        var report = new PeriodReport(ReportPeriod.Month("2026-11"), november, [november], october);

        var rows = ReportView.For(report, Policy).Rows.ToDictionary(row => row.Key);

        // Resolution rate 50% now (the reopened ticket no longer counts), 100% before: −50 points; tickets 4 against 2:
        // +100%.
        Assert.Equal(
            (50.0, 100.0, "−50.0 pts"),
            (rows["resolutionRate"].Value!.Value, rows["resolutionRate"].Previous!.Value, rows["resolutionRate"].Change)
        );
        Assert.Equal("+100.0%", rows["received"].Change);
        Assert.Equal(ReportPeriod.Month("2026-10"), ReportPeriod.Month("2026-11").Previous);
        Assert.Equal(
            new ReportPeriod(PeriodKind.Weekly, new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)),
            ReportPeriod.Week("2026-W47").Previous
        );
        Assert.Equal(
            ReportPeriod.Month("2026-10"),
            ReportPeriod.LastBefore(PeriodKind.Monthly, new DateOnly(2026, 11, 30))
        );
    }

    [Fact]
    public void TheRadarsErrorAxisIsTheShareOfSystemOperationErrors()
    {
        var html = HtmlReport.Render(View(), chinese: false, "/* echarts */", [View().Source], ReportLinks.Served);
        var values = System
            .Text.Json.JsonDocument.Parse(
                html[
                    (html.IndexOf("const data = ", StringComparison.Ordinal) + 13)..html.IndexOf(
                        ";\n",
                        html.IndexOf("const data = ", StringComparison.Ordinal),
                        StringComparison.Ordinal
                    )
                ]
            )
            .RootElement.GetProperty("radar")
            .GetProperty("series")[0]
            .GetProperty("value")
            .EnumerateArray()
            .Select(value => value.GetDouble())
            .ToArray();

        // Two of four tickets are system-operation errors: 50 on the 0–100 "no operation errors" axis.
        Assert.Equal(50, values[4]);
        Assert.Contains("No operation errors", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResolutionStopsAt.Resolved, 50.0)]
    [InlineData(ResolutionStopsAt.Confirmed, 25.0)]
    public void EachRadarAxisIsScoredOutOfAHundred(ResolutionStopsAt stop, double speed)
    {
        // Four tickets: resolved by agents in 240 minutes on average, confirmed in 480; one repeat complaint; one about
        // service attitude; two of four resolved (or one of four confirmed); half satisfied.
        var all = new DayFigures
        {
            Received = 4,
            Resolved = 2,
            Confirmed = 1,
        };
        all.Resolution.AddValue(200);
        all.Resolution.AddValue(280);
        all.ConfirmedResolution.AddValue(480);
        all.RepeatComplaints.Add(true);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            all.RepeatComplaints.Add(false);
        }

        all.Satisfied.Add(true);
        all.Satisfied.Add(false);
        var figures = new Dictionary<string, DayFigures>
        {
            ["all"] = all,
            ["category:service-attitude"] = new() { Received = 1 },
        };
        var policy = Policy with { Resolution = new ResolutionStop(stop) };
        var view = ReportView.For(new DailyAggregate(Day, Day, "v", At(Day, 600), figures, []), policy);

        var html = HtmlReport.Render(view, chinese: false, "/* echarts */", [], ReportLinks.Served);
        var radar = System
            .Text.Json.JsonDocument.Parse(
                html[
                    (html.IndexOf("const data = ", StringComparison.Ordinal) + 13)..html.IndexOf(
                        ";\n",
                        html.IndexOf("const data = ", StringComparison.Ordinal),
                        StringComparison.Ordinal
                    )
                ]
            )
            .RootElement.GetProperty("radar");

        // Resolution rate, speed (120-minute target over the mean), satisfied, not repeat, no operation errors,
        // attitude.
        var rate = stop == ResolutionStopsAt.Resolved ? 50.0 : 25.0;
        Assert.Equal(
            [rate, speed, 50, 75, 100, 75],
            radar.GetProperty("series")[0].GetProperty("value").EnumerateArray().Select(value => value.GetDouble())
        );
        // A day made without its period has no period before to draw beside it.
        Assert.Equal(1, radar.GetProperty("series").GetArrayLength());
        Assert.Equal(
            ["Resolution rate", "Resolution speed", "Satisfaction", "Not repeat", "No operation errors", "Attitude"],
            radar.GetProperty("indicators").EnumerateArray().Select(value => value.GetString())
        );
    }

    [Fact]
    public void AnExecutorOtherThanTheOwnerHasAScorecardOfTheirOwn()
    {
        var assigned = new Assigned(At(Day, 1), "主管", "assign", "客服A", "工号007");
        var sameAsOwner = new Assigned(At(Day, 1), "主管", "assign-2", "客服B", "客服B");
        var view = ReportView.For(
            Fold(
                Day,
                [
                    Chat(Day, 1, "客服A", "payment", 2, resolved: true, assigned),
                    Chat(Day, 2, "客服B", "payment", 3, resolved: true, sameAsOwner),
                ]
            ),
            Policy
        );

        var executor = Assert.Single(view.Scorecards("executor"));
        Assert.Equal(("工号007", 1L, 2.0), (executor.Name, executor.Tickets, executor.FirstResponseMean!.Value));
        Assert.Equal(["客服A", "客服B"], view.Scorecards("agent").Select(card => card.Name).Order());
        var line = Core.Ingestion.InputJson.Parse(
            """{"type":"event","ticket":"t","kind":"assigned","owner":"客服A","executor":"工号007","at":"2026-11-16T09:"""
                + """00:00+08:00","actor":"主管"}""",
            Shipped.Policy.TimeZone
        );
        Assert.Equal("工号007", ((Assigned)((Core.Ingestion.EventLine)line).Event).Executor);
    }

    /// <summary>
    /// The day's report as each renderer writes it, compared whole with a file reviewed by hand (figures checked
    /// against the fixture above: four chats answered after 2, 12, 20 and 30 minutes, a mean of 16.0; two resolved of
    /// four).
    /// </summary>
    [Theory]
    [InlineData("day-en.txt", false)]
    [InlineData("day-zh.txt", true)]
    [InlineData("day-en.csv", false)]
    [InlineData("day-zh.html", true)]
    public void EachRendererWritesTheDayAsReviewed(string golden, bool chinese)
    {
        var view = View() with { Title = chinese ? "客服日报 2026年11月16日" : "Daily report 2026-11-16" };
        var rendered = Path.GetExtension(golden) switch
        {
            ".txt" => ReportText.Table(view, chinese),
            ".csv" => ReportText.Csv(view, chinese),
            _ => HtmlReport.Render(view, chinese, "/* echarts left out */", [], ReportLinks.Served),
        };
        Golden.Check(golden, rendered);
    }

    /// <summary>
    /// A served page links its figures and agents beside itself; a mailed copy to the public address, under its
    /// path; a copy with no server to follow shows them plain, the page otherwise the same.
    /// </summary>
    [Fact]
    public void AFiguresLinkLeadsWhereTheCopyCanFollowIt()
    {
        string Render(ReportLinks links) =>
            HtmlReport.Render(View(), chinese: true, "/* echarts left out */", [], links);
        var served = Render(ReportLinks.Served);
        var mailed = Render(ReportLinks.At(new Uri("https://kf.example.cn/slawatch")));
        var saved = Render(ReportLinks.None);

        // Every anchor on the page is a figure's or an agent's: 81 on this fixture.
        Assert.Equal(
            (81, 81),
            (Regex.Count(served, "<a class=\"drill\" href=\"\\.\\./workbench[?/]"), Regex.Count(served, "<a "))
        );
        Assert.Equal(
            served.Replace(
                "href=\"../workbench",
                "href=\"https://kf.example.cn/slawatch/api/workbench",
                StringComparison.Ordinal
            ),
            mailed
        );
        Assert.DoesNotContain("<a ", saved, StringComparison.Ordinal);
        Assert.Equal(Regex.Replace(served, "<a class=\"drill\" href=\"[^\"]*\">([^<]*)</a>", "$1"), saved);
        Assert.Equal(
            ReportLinks.At(new Uri("https://kf.example.cn/")),
            ReportLinks.At(new Uri("https://kf.example.cn"))
        );
        Assert.Same(ReportLinks.None, ReportLinks.At(null));
    }

    /// <summary>A long run's trend charts plot weeks, a longer one months, each the sum of its days.</summary>
    [Theory]
    [InlineData(35, 35, "11-01")]
    [InlineData(70, 11, "2026-W44")]
    [InlineData(200, 7, "2026-11")]
    public void ALongRunsTrendIsByWeekOrMonth(int days, int points, string first)
    {
        var trend = Enumerable
            .Range(0, days)
            .Select(i =>
            {
                var day = new DateOnly(2026, 11, 1).AddDays(i);
                var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal)
                {
                    ["all"] = new() { Received = 1 },
                    ["channel:email"] = new() { Received = 1 },
                };
                return new DailyAggregate(day, day, "v", At(day, 0), figures, []);
            })
            .ToArray();

        var html = HtmlReport.Render(View(), chinese: false, string.Empty, trend, ReportLinks.Served);
        var start = html.IndexOf("const data = ", StringComparison.Ordinal) + 13;
        using var data = System.Text.Json.JsonDocument.Parse(
            html[start..html.IndexOf(";\n", start, StringComparison.Ordinal)]
        );
        var labels = data.RootElement.GetProperty("days").EnumerateArray().Select(day => day.GetString()).ToArray();
        var email = Array.IndexOf(
            data.RootElement.GetProperty("channels").EnumerateArray().Select(name => name.GetString()).ToArray(),
            "E-mail"
        );
        var volume = data.RootElement.GetProperty("volume")[email].EnumerateArray().Sum(count => count.GetInt64());

        Assert.Equal((points, first), (labels.Length, labels[0]));
        Assert.Equal(days, volume);
    }

    /// <summary>
    /// A Chinese report keeps no English word of its own making: what is left of Latin letters is in a short list
    /// (P90, the KPI radar, the policy's version, the ECharts script's name) or was typed by people (the overdue
    /// reasons of the fixture); units, verdicts and the computed instant are Chinese or numeric.
    /// </summary>
    [Theory]
    [InlineData(".txt")]
    [InlineData(".html")]
    [InlineData(".review.html")]
    public void AChineseReportHasNoEnglishWordOfItsOwn(string format)
    {
        var view = View() with { Title = "客服日报 2026年11月16日" };
        var rendered = format switch
        {
            ".txt" => ReportText.Table(view, chinese: true),
            ".html" => HtmlReport.Render(view, chinese: true, string.Empty, [], ReportLinks.Served),
            _ => HtmlReview.Render(new MonthlyReview(view, []), chinese: true, string.Empty),
        };
        var shown = ChineseScan.Shown(rendered, html: format != ".txt");
        var english = ChineseScan.EnglishWords(shown, "default", "agent", "busy", "verifying", "information");

        Assert.Empty(english);
        Assert.Contains("计算于 2026-11-16 19:00 +08:00", rendered, StringComparison.Ordinal);
        Assert.True(shown.Length > 400, $"only {shown.Length} characters shown: the scan would prove little");
    }
}

/// <summary>Merging two days' figures gives what folding both days' tickets at once gives, field by field.</summary>
public class DayFiguresMergeTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    private static DateTimeOffset At(DateOnly day, int minutes) =>
        Shipped.At($"{day:yyyy-MM-dd} 09:00").AddMinutes(minutes);

    private static StoredTicket Ticket(
        DateOnly day,
        int serial,
        Channel channel,
        int reply,
        int? resolvedAfter,
        params TicketEvent[] more
    )
    {
        var id = $"m{day:MMdd}-{serial}";
        List<TicketEvent> events =
        [
            new Received(
                At(day, 0),
                "customer",
                id,
                channel,
                Priority.Normal,
                serial % 2 == 0 ? "payment" : "refund",
                CustomerRef.FromContact($"1391234{serial:0000}")
            ),
            new AgentResponse(At(day, reply), "客服A", id + "-a"),
        ];
        if (resolvedAfter is { } minutes)
        {
            events.Add(new StatusChanged(At(day, minutes), "客服A", id + "-r", TicketStatus.Resolved));
        }

        events.AddRange(more);
        return StoredTickets.Of(id, day, serial, events);
    }

    private static StoredTicket[] Day(DateOnly day, int offset) =>
        [
            Ticket(
                day,
                1 + offset,
                Channel.Chat,
                2 + offset,
                30,
                new SatisfactionRated(At(day, 40), "customer", "s1", 10, 10),
                new CustomerConfirmed(At(day, 50), "customer", "c1", Confirmation.Resolved)
            ),
            Ticket(
                day,
                2 + offset,
                Channel.Email,
                40,
                60 * (13 + (offset * 3)),
                new SatisfactionRated(At(day, 60 * (14 + (offset * 3))), "customer", "s2", 3 + offset, 10),
                new OverdueReason(At(day, 45), "客服A", "o", "busy")
            ),
            Ticket(
                day,
                3 + offset,
                Channel.Chat,
                9,
                null,
                new StatusChanged(At(day, 20), "客服A", "p", TicketStatus.PendingCustomer)
            ),
            Ticket(
                day,
                4 + offset,
                Channel.Phone,
                0,
                5,
                new StatusChanged(At(day, 6), "客服A", "c", TicketStatus.Closed),
                new SatisfactionRated(At(day, 7), "customer", "s3", 2, 3),
                new CustomerConfirmed(At(day, 8), "customer", "c2", Confirmation.NotResolved)
            ),
        ];

    [Fact]
    public void MergingTwoDaysIsFoldingThemTogether()
    {
        var asOf = Shipped.At("2026-11-30 09:00");
        var history = new RepeatHistory([], TimeSpan.FromDays(30));
        var first = Day(Monday, 0);
        var second = Day(Monday.AddDays(1), 4);
        var merged = DailyAggregator.Fold(first, Shipped.Policy, asOf, history);
        foreach (
            var (key, figures) in DailyAggregator.Fold(
                second,
                Shipped.Policy,
                asOf,
                new RepeatHistory([], TimeSpan.FromDays(30))
            )
        )
        {
            if (merged.TryGetValue(key, out var into))
            {
                into.Merge(figures);
            }
            else
            {
                merged[key] = figures;
            }
        }

        var together = DailyAggregator.Fold(
            [.. first, .. second],
            Shipped.Policy,
            asOf,
            new RepeatHistory([], TimeSpan.FromDays(30))
        );

        Assert.Equal(together.Keys.Order(StringComparer.Ordinal), merged.Keys.Order(StringComparer.Ordinal));
        foreach (var key in together.Keys)
        {
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(together[key]),
                System.Text.Json.JsonSerializer.Serialize(merged[key])
            );
        }

        var all = together["all"];
        // Two 0–10 ratings of 10 (promoters), a 3 and a 7 (detractor, passive): NPS (2 − 1) / 4.
        Assert.Equal((4L, 2L, 1L), (all.NpsRatings, all.NpsPromoters, all.NpsDetractors));
        Assert.Equal(25, all.Nps);
        // The closed calls were reopened by the customers' "not resolved".
        Assert.Equal((8L, 0L, 2L), (all.Received, all.Closed, all.Reopened));
        Assert.Equal(["12-24h", "<=12h", ">24h"], all.ScoreByResolutionTime.Keys.Order(StringComparer.Ordinal));
    }
}

/// <summary>Ratings on every scale on one line out of five, NPS at its edges, and scores by resolution time at 12 and
/// 24 hours.</summary>
public class RatingFiguresTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:00");

    private static StoredTicket Rated(int serial, int score, int scale, TimeSpan? resolvedAfter, bool close = false)
    {
        var id = $"r-{serial}";
        List<TicketEvent> events =
        [
            new Received(
                Arrival,
                "customer",
                id,
                Channel.Chat,
                Priority.Normal,
                "payment",
                CustomerRef.FromContact($"1380000{serial:0000}")
            ),
            new AgentResponse(Arrival.AddMinutes(1), "客服A", id + "-a"),
        ];
        if (resolvedAfter is { } after)
        {
            events.Add(new StatusChanged(Arrival + after, "客服A", id + "-r", TicketStatus.Resolved));
        }

        if (close)
        {
            events.Add(
                new StatusChanged(
                    Arrival + (resolvedAfter ?? TimeSpan.Zero) + TimeSpan.FromMinutes(1),
                    "客服A",
                    id + "-c",
                    TicketStatus.Closed
                )
            );
        }

        events.Add(new SatisfactionRated(Arrival.AddDays(2), "customer", id + "-s", score, scale));
        return StoredTickets.Of(id, Monday, serial, events);
    }

    [Fact]
    public void EachScaleLandsOnOneToFiveAndTheBucketsCloseAtTwelveAndTwentyFourHours()
    {
        StoredTicket[] tickets =
        [
            Rated(1, 3, 3, TimeSpan.FromHours(12)),
            Rated(2, 2, 3, TimeSpan.FromHours(24), close: true),
            Rated(3, 9, 10, TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1))),
            Rated(4, 7, 10, null),
            Rated(5, 6, 10, TimeSpan.FromHours(1)),
            Rated(6, 4, 5, TimeSpan.FromHours(12).Add(TimeSpan.FromMinutes(1))),
        ];

        var all = DailyAggregator.Fold(
            tickets,
            Shipped.Policy,
            Shipped.At("2026-11-30 09:00"),
            new RepeatHistory([], TimeSpan.FromDays(30))
        )["all"];

        // 满意 5, 一般 3, 9/10 4.5, 7/10 3.5, 6/10 3, 4/5 4.
        Assert.Equal((5 + 3 + 4.5 + 3.5 + 3 + 4) / 6, all.ScoreOutOfFive.Mean!.Value, 9);
        // Resolved in 12 h (5) and 1 h (3); in 24 h (3) and 12 h 1 min (4); in 24 h 1 min (4.5); the unresolved 7/10 in
        // none.
        Assert.Equal((5 + 3) / 2.0, all.ScoreByResolutionTime["<=12h"].Mean!.Value, 9);
        Assert.Equal((3 + 4) / 2.0, all.ScoreByResolutionTime["12-24h"].Mean!.Value, 9);
        Assert.Equal(4.5, all.ScoreByResolutionTime[">24h"].Mean!.Value, 9);
        // Three 0–10 ratings: one promoter (9), one passive (7), one detractor (6): NPS 0.
        Assert.Equal((3L, 1L, 1L, 0.0), (all.NpsRatings, all.NpsPromoters, all.NpsDetractors, all.Nps!.Value));
        Assert.Equal(1, all.Closed);
    }
}
