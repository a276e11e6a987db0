using System.Globalization;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>One figure of a report, labelled in both languages, with its target when the team has one.</summary>
public sealed record ReportRow(
    string Key,
    string English,
    string Chinese,
    double? Value,
    string Unit,
    string? TargetText,
    bool? Met
)
{
    /// <summary>The same figure for the period before (日环比 / 周环比 / 月环比), when there is one.</summary>
    public double? Previous { get; init; }

    /// <summary>The change on the period before: percentage points for rates, a relative change for other
    /// figures.</summary>
    public string? Change =>
        (Value, Previous) switch
        {
            ({ } now, { } before) when Unit == "%" => string.Create(
                CultureInfo.InvariantCulture,
                $"{(now - before >= 0 ? "+" : "−")}{Math.Abs(now - before):0.0} pts"
            ),
            ({ } now, { } before) when before != 0 => string.Create(
                CultureInfo.InvariantCulture,
                $"{(now - before >= 0 ? "+" : "−")}{Math.Abs(100 * (now - before) / before):0.0}%"
            ),
            _ => null,
        };
}

/// <summary>
/// What every report format shows: the headline figures against the weekly targets, per-priority and per-channel
/// attainment, the funnel, satisfaction by resolution time, and the overdue or unresolved tickets.
/// </summary>
public sealed record ReportView(
    string Title,
    DateOnly From,
    DateOnly To,
    string PolicyVersion,
    DateTimeOffset ComputedAt,
    IReadOnlyList<ReportRow> Rows,
    DailyAggregate Source
)
{
    /// <summary>The day, week, month or run of days shown.</summary>
    public ReportPeriod Period => ReportPeriod.Of(From, To);

    /// <summary>The policy the view was made with (its stop, targets and teams).</summary>
    public required SlaPolicy Policy { get; init; }

    /// <summary>The period before's figures, when the view was made from a period (its charts compare the
    /// two).</summary>
    public DailyAggregate? PreviousSource { get; init; }

    /// <summary>The classification rules whose names the categories are shown by; none shows their keys.</summary>
    public Classification.ClassificationRules? Rules { get; init; }

    public ReportLabels Labels(bool chinese) => new(chinese, Rules, Policy.Channels);

    /// <summary>Whether some of its days were computed at this read, not stored by a run (see <see
    /// cref="DailyAggregate.ProvisionalDays"/>).</summary>
    public bool Provisional => Source.ProvisionalDays.Count > 0;

    /// <summary>What a reader should know about the figures: a calendar without holiday data for the period.</summary>
    public IReadOnlyList<CalendarWarning> Warnings => Policy.CalendarWarnings(From, To);

    /// <summary>The tickets open at the period's end, whatever day they arrived (shown when read).</summary>
    public IReadOnlyList<BacklogRow>? Backlog { get; init; }

    /// <summary>Scorecards of one kind of dimension (<c>agent</c>, <c>team</c>, <c>category</c>), busiest
    /// first.</summary>
    public IReadOnlyList<Scorecard> Scorecards(string kind) =>
        [.. By(kind).Select(item => Scorecard.Of(item.Value, item.Figures, Policy))];

    public static ReportView For(DailyAggregate aggregate, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(policy);
        var targets = policy.WeeklyTargets;
        var all = aggregate.All;
        // The headline resolution figures follow the policy's stop; the other stop is shown beside them.
        var confirmed = policy.Resolution.StopsAt == ResolutionStopsAt.Confirmed;
        var (rate, resolution) = (
            Scorecard.ResolutionRateOf(all, policy),
            confirmed ? all.ConfirmedResolution : all.Resolution
        );
        var (stopEnglish, stopChinese) = confirmed ? (" (confirmed)", "（客户确认）") : (" (by agent)", "（客服解决）");
        var (other, otherKey, otherEnglish, otherChinese) = confirmed
            ? (
                all.Resolution,
                "averageResolutionByAgent",
                "Average resolution time (by agent)",
                "平均解决耗时（客服解决）"
            )
            : (
                all.ConfirmedResolution,
                "averageConfirmedResolution",
                "Average resolution time (confirmed)",
                "平均解决耗时（客户确认）"
            );
        var rows = new List<ReportRow>
        {
            new("received", "Tickets received", "受理量", all.Received, "", null, null),
            new("resolved", "Resolved by agent", "客服已解决", all.Resolved, "", null, null),
            new("confirmed", "Resolution confirmed by the customer", "客户确认已解决", all.Confirmed, "", null, null),
            AtLeast(
                "resolutionRate",
                "Resolution rate" + stopEnglish,
                "问题解决率" + stopChinese,
                rate,
                targets.ResolutionRatePercent
            ),
            AtLeast(
                "firstContactResolutionRate",
                "First-contact resolution",
                "首次解决率",
                all.FirstContactResolutionRate,
                targets.FirstContactResolutionRatePercent
            ),
            AtMost(
                "averageFirstResponse",
                "Average first response",
                "平均首次响应时间",
                all.FirstResponse.Mean,
                targets.AverageFirstResponseMinutes
            ),
            new(
                "medianFirstResponse",
                "Median first response",
                "首次响应中位数",
                all.FirstResponse.Median,
                "min",
                null,
                null
            ),
            new(
                "p90FirstResponse",
                "90th percentile first response",
                "首次响应 P90",
                all.FirstResponse.P90,
                "min",
                null,
                null
            ),
            AtMost(
                "averageResolution",
                "Average resolution time" + stopEnglish,
                "平均解决耗时" + stopChinese,
                resolution.Mean,
                targets.AverageResolutionMinutes
            ),
            new(
                "medianResolution",
                "Median resolution time" + stopEnglish,
                "解决耗时中位数" + stopChinese,
                resolution.Median,
                "min",
                null,
                null
            ),
            new(
                "p90Resolution",
                "90th percentile resolution time" + stopEnglish,
                "解决耗时 P90" + stopChinese,
                resolution.P90,
                "min",
                null,
                null
            ),
            new(otherKey, otherEnglish, otherChinese, other.Mean, "min", null, null),
        };
        foreach (
            var (metric, english, chinese) in new[]
            {
                ("acknowledgement", "Acknowledged in time", "确认达标率"),
                ("firstResponse", "First response in time (SLA attainment)", "响应时间达标率"),
                ("resolution", "Resolved in time", "解决时效达标率"),
                ("promisedResolution", "Promises kept", "承诺兑现率"),
            }
        )
        {
            if (all.Attainment.TryGetValue(metric, out var ratio))
            {
                rows.Add(new ReportRow($"attainment.{metric}", english, chinese, ratio.Percent, "%", null, null));
            }
        }

        rows.Add(new("breaches", "Clocks breached", "超时次数", all.Breaches, "", null, null));
        rows.Add(new("overdue", "Overdue tickets", "超时工单", all.Overdue, "", null, null));
        rows.Add(
            new(
                "overdueWithoutReason",
                "Overdue without a reason",
                "超时未填原因",
                all.OverdueWithoutReason,
                "",
                "0",
                all.Overdue == 0 ? null : all.OverdueWithoutReason == 0
            )
        );
        rows.Add(new("reopened", "Reopened", "重新打开", all.Reopened, "", null, null));
        rows.Add(new("openAtEnd", "Still open at the end of their day", "日终未结", all.OpenAtEnd, "", null, null));
        rows.Add(new("satisfaction", "Satisfied", "满意度", all.Satisfied.Percent, "%", null, null));
        rows.Add(new("meanScore", "Mean rating", "平均评分", all.ScoreOutOfFive.Mean, "/5", null, null));
        if (all.Nps is { } nps)
        {
            rows.Add(new("nps", "Net promoter score", "NPS 净推荐值", nps, "", null, null));
        }

        rows.Add(
            new(
                "repeatComplaintRate",
                "Repeat complaints",
                "重复投诉占比",
                all.RepeatComplaints.Percent,
                "%",
                null,
                null
            )
        );
        rows.Add(
            new(
                "funnel.responded",
                "Received → responded",
                "受理→响应",
                Share(all.Responded, all.Received),
                "%",
                null,
                null
            )
        );
        rows.Add(
            new(
                "funnel.resolved",
                "Responded → resolved",
                "响应→解决",
                Share(all.Resolved, all.Responded),
                "%",
                null,
                null
            )
        );
        rows.Add(
            new("funnel.closed", "Resolved → closed", "解决→关闭", Share(all.Closed, all.Resolved), "%", null, null)
        );
        foreach (
            var (bucket, english) in new[]
            {
                ("<=12h", "within 12 h"),
                ("12-24h", "in 12–24 h"),
                (">24h", "after 24 h"),
            }
        )
        {
            if (all.ScoreByResolutionTime.TryGetValue(bucket, out var measure))
            {
                rows.Add(
                    new(
                        $"scoreByResolution.{bucket}",
                        $"Mean rating, resolved {english}",
                        $"平均评分（{bucket.Replace("h", "小时", StringComparison.Ordinal)}解决）",
                        measure.Mean,
                        "/5",
                        null,
                        null
                    )
                );
            }
        }

        var title = ReportPeriod.Of(aggregate.From, aggregate.To).Title(chinese: false);
        return new ReportView(
            title,
            aggregate.From,
            aggregate.To,
            aggregate.PolicyVersion,
            aggregate.ComputedAt,
            rows,
            aggregate
        )
        {
            Policy = policy,
        };
    }

    /// <summary>A period's view with each figure beside the period before's, categories named by the rules.</summary>
    public static ReportView For(
        PeriodReport report,
        SlaPolicy policy,
        Classification.ClassificationRules? rules = null
    )
    {
        ArgumentNullException.ThrowIfNull(report);
        var before = For(report.Previous, policy)
            .Rows.ToDictionary(row => row.Key, row => report.Previous.All.Received == 0 ? null : row.Value);
        var view = For(report.Report, policy);
        return view with
        {
            Rows = [.. view.Rows.Select(row => row with { Previous = before.GetValueOrDefault(row.Key) })],
            Rules = rules,
            PreviousSource = report.Previous,
        };
    }

    /// <summary>Figures of one kind of dimension (<c>priority</c>, <c>channel</c>, <c>category</c>, <c>agent</c>), by
    /// its value, busiest first. Every configured channel is among the channels, a quiet one with no tickets.</summary>
    public IEnumerable<(string Value, DayFigures Figures)> By(string kind)
    {
        var found = Source
            .Figures.Where(pair =>
                pair.Key.StartsWith(kind + ":", StringComparison.Ordinal)
                && !pair.Key.Contains('|', StringComparison.Ordinal)
            )
            .Select(pair => (Value: pair.Key[(kind.Length + 1)..], Figures: pair.Value))
            .ToList();
        if (kind == "channel")
        {
            found.AddRange(
                Policy
                    .Channels.All.Select(item => item.Channel.Key)
                    .Where(key => !Source.Figures.ContainsKey($"channel:{key}"))
                    .Select(key => (key, new DayFigures()))
            );
        }

        return found.OrderByDescending(pair => pair.Figures.Received);
    }

    private static ReportRow AtLeast(string key, string english, string chinese, double? value, double target) =>
        new(
            key,
            english,
            chinese,
            value,
            "%",
            string.Create(CultureInfo.InvariantCulture, $"≥ {target:0.#}%"),
            value is { } v ? v >= target : null
        );

    private static ReportRow AtMost(string key, string english, string chinese, double? value, double target) =>
        new(
            key,
            english,
            chinese,
            value,
            "min",
            string.Create(CultureInfo.InvariantCulture, $"≤ {target:0.#} min"),
            value is { } v ? v <= target : null
        );

    private static double? Share(long part, long of) => of == 0 ? null : 100.0 * part / of;
}
