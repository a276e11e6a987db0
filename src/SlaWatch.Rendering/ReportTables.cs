using System.Globalization;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>A section of a report as rows of text: what the text, CSV and HTML formats all print.</summary>
public sealed record ReportTable(
    string Key,
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows
)
{
    /// <summary>Each row's dimension as the figures key it (<c>channel:email</c>), where its cells are figures of
    /// one.</summary>
    public IReadOnlyList<string>? RowDimensions { get; init; }

    /// <summary>Each column's figure as a report row keys it (<c>received</c>), null for a column that is no count
    /// or rate of tickets: what a page links to the tickets behind.</summary>
    public IReadOnlyList<string?>? ColumnMeasures { get; init; }

    /// <summary>Each row's own figure, counted in the second column, where every row counts one thing of the whole
    /// (an overdue reason, a rating level, a verdict): what a page links that count to.</summary>
    public IReadOnlyList<string>? RowMeasures { get; init; }
}

/// <summary>
/// The report's sections beyond the headline figures, in one place for every format: first response by priority
/// and channel, scorecards by agent, team and category (low ones marked), overdue reasons, ratings and the
/// customers' own verdicts.
/// </summary>
public static class ReportTables
{
    /// <summary>The backlog rows a report prints; the count says how many there are.</summary>
    public const int MaxBacklogRows = 200;

    private static readonly string[] VerdictOrder = ["resolved", "partiallyResolved", "notResolved"];

    public static IReadOnlyList<ReportTable> For(ReportView view, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(labels);
        var all = view.Source.All;
        var tables = new List<ReportTable>
        {
            new(
                "priority",
                labels.Pick("First response in time, by priority", "按优先级：首次响应达标率"),
                [labels.Pick("Priority", "优先级"), labels.Pick("In time", "达标率"), labels.Pick("Tickets", "工单数")],
                [
                    .. view.By("priority")
                        .Select(item =>
                            Row(
                                labels.Name(item.Value),
                                Percent(item.Figures.Attainment.GetValueOrDefault("firstResponse")?.Percent),
                                Count(item.Figures.Received)
                            )
                        ),
                ]
            )
            {
                RowDimensions = [.. view.By("priority").Select(item => "priority:" + item.Value)],
                ColumnMeasures = [null, FirstResponseInTime, "received"],
            },
            new(
                "channel",
                labels.Pick("By channel", "按渠道"),
                [
                    labels.Pick("Channel", "渠道"),
                    labels.Pick("Tickets", "工单数"),
                    labels.Pick("First response mean", "平均首次响应"),
                    labels.Pick("In time", "达标率"),
                ],
                [
                    .. view.By("channel")
                        .Select(item =>
                            Row(
                                labels.Name(item.Value),
                                Count(item.Figures.Received),
                                ReportWords.Minutes(item.Figures.FirstResponse.Mean, labels.Chinese),
                                Percent(item.Figures.Attainment.GetValueOrDefault("firstResponse")?.Percent)
                            )
                        ),
                ]
            )
            {
                RowDimensions = [.. view.By("channel").Select(item => "channel:" + item.Value)],
                ColumnMeasures = [null, "received", null, FirstResponseInTime],
            },
            Scorecards(
                "agents",
                labels.Pick("By agent", "按客服"),
                labels.Pick("Agent", "客服"),
                view,
                "agent",
                labels
            ),
            Scorecards("teams", labels.Pick("By team", "按小组"), labels.Pick("Team", "小组"), view, "team", labels),
            Scorecards(
                "executors",
                labels.Pick("By executor (where other than the owner)", "按处理人（与责任人不同者）"),
                labels.Pick("Executor", "处理人"),
                view,
                "executor",
                labels
            ),
            Scorecards(
                "categories",
                labels.Pick(
                    "By category (low: below the resolution or first-contact target)",
                    "按问题类型（低：解决率或首次解决率未达标）"
                ),
                labels.Pick("Category", "问题类型"),
                view,
                "category",
                labels
            ),
            new(
                "reasons",
                labels.Pick("Overdue reasons", "超时原因统计"),
                [labels.Pick("Reason", "原因"), labels.Pick("Tickets", "工单数")],
                [
                    .. Reasons(all).Select(pair => Row(pair.Key, Count(pair.Value))),
                    .. all.OverdueWithoutReason > 0
                        ?
                        [
                            Row(
                                labels.Pick("(overdue, no reason given)", "（超时未填原因）"),
                                Count(all.OverdueWithoutReason)
                            ),
                        ]
                        : Array.Empty<IReadOnlyList<string>>(),
                ]
            )
            {
                RowMeasures =
                [
                    .. Reasons(all).Select(pair => "reason:" + pair.Key),
                    .. all.OverdueWithoutReason > 0 ? ["overdueWithoutReason"] : Array.Empty<string>(),
                ],
            },
            new(
                "ratings",
                labels.Pick("Satisfaction by rating", "满意度分布"),
                [
                    labels.Pick("Rating", "评价"),
                    labels.Pick("Tickets", "工单数"),
                    labels.Pick("Share of its scale", "占比"),
                ],
                [
                    .. Ratings(all)
                        .Select(pair =>
                            Row(
                                labels.Name(pair.Key),
                                Count(pair.Value),
                                Percent(
                                    Share(
                                        pair.Value,
                                        all.Ratings.Where(other => Scale(other.Key) == Scale(pair.Key))
                                            .Sum(other => other.Value)
                                    )
                                )
                            )
                        ),
                ]
            )
            {
                RowMeasures = [.. Ratings(all).Select(pair => "rating:" + pair.Key)],
            },
            new(
                "verdicts",
                labels.Pick("The customers' verdicts", "客户反馈（是否解决）"),
                [labels.Pick("Verdict", "反馈"), labels.Pick("Tickets", "工单数")],
                [
                    .. VerdictOrder
                        .Where(all.Verdicts.ContainsKey)
                        .Select(key => Row(labels.Name(key), Count(all.Verdicts[key]))),
                ]
            )
            {
                RowMeasures = [.. VerdictOrder.Where(all.Verdicts.ContainsKey).Select(key => "verdict:" + key)],
            },
        };
        if (view.Backlog is { } backlog)
        {
            var zone = view.Policy.TimeZone;
            tables.Add(
                new(
                    "backlog",
                    labels.Pick(
                        $"Open at the end of the period: {backlog.Count} (whatever day they arrived, soonest due "
                            + $"first)",
                        $"期末未结工单 {backlog.Count} 张（不论受理日期，按到期先后）"
                    ),
                    [
                        labels.Pick("Ticket", "工单"),
                        labels.Pick("State", "状态"),
                        labels.Pick("Next due", "下一到期"),
                        labels.Pick("Channel / priority", "渠道 / 优先级"),
                        labels.Pick("Owner", "责任人"),
                        labels.Pick("Received", "受理时间"),
                    ],
                    [
                        .. backlog
                            .Take(MaxBacklogRows)
                            .Select(row =>
                                Row(
                                    row.Number,
                                    labels.Name(row.State),
                                    row.NextDue is { } due
                                        ? $"{labels.Name(row.NextMetric!)} {Core.Time.InstantText.Format(due, zone)}"
                                        : "-",
                                    $"{labels.Name(row.Channel)} / {labels.Name(row.Priority)}",
                                    row.Owner ?? labels.Name("unassigned"),
                                    Core.Time.InstantText.Format(row.ReceivedAt, zone)
                                )
                            ),
                    ]
                )
            );
        }

        return [.. tables.Where(table => table.Rows.Count > 0)];
    }

    private const string FirstResponseInTime = "attainment.firstResponse";

    /// <summary>What each scorecard column counts, in <see cref="ReportLabels.ScorecardHeaders"/>'s order.</summary>
    private static readonly string?[] ScorecardMeasures =
    [
        null,
        "received",
        null,
        null,
        null,
        FirstResponseInTime,
        "resolutionRate",
        "firstContactResolutionRate",
        "satisfaction",
        "overdue",
        "overdueWithoutReason",
        null,
    ];

    private static ReportTable Scorecards(
        string key,
        string title,
        string what,
        ReportView view,
        string kind,
        ReportLabels labels
    )
    {
        var cards = view.Scorecards(kind);
        return new(
            key,
            title,
            labels.ScorecardHeaders(what),
            [
                .. cards.Select(card =>
                    Row(
                        (card.Low && key == "categories" ? "▼ " : string.Empty) + labels.Name(card.Name),
                        Count(card.Tickets),
                        ReportWords.Minutes(card.FirstResponseMean, labels.Chinese),
                        ReportWords.Minutes(card.FirstResponseMedian, labels.Chinese),
                        ReportWords.Minutes(card.FirstResponseP90, labels.Chinese),
                        Percent(card.Attainment),
                        Percent(card.ResolutionRate),
                        Percent(card.FirstContactResolutionRate),
                        Percent(card.Satisfied),
                        Count(card.Overdue),
                        Count(card.OverdueWithoutReason),
                        string.Join(
                            "; ",
                            card.Reasons.Select(reason =>
                                string.Create(CultureInfo.InvariantCulture, $"{reason.Reason} ×{reason.Tickets}")
                            )
                        )
                    )
                ),
            ]
        )
        {
            RowDimensions = [.. cards.Select(card => $"{kind}:{card.Name}")],
            ColumnMeasures = ScorecardMeasures,
        };
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    private static IEnumerable<KeyValuePair<string, long>> Reasons(DayFigures all) =>
        all.Reasons.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, long>> Ratings(DayFigures all) =>
        all.Ratings.OrderBy(pair => Scale(pair.Key)).ThenByDescending(pair => Score(pair.Key));

    private static int Scale(string key) => int.Parse(key.Split(':')[0], CultureInfo.InvariantCulture);

    private static int Score(string key) => int.Parse(key.Split(':')[1], CultureInfo.InvariantCulture);

    private static double? Share(long part, long of) => of == 0 ? null : 100.0 * part / of;

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double? value) =>
        value is { } v ? $"{v.ToString("0.0", CultureInfo.InvariantCulture)}%" : "-";
}
