using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// A figure a report links to its tickets: what a ticket adds to its count (<see cref="Part"/>) and to what the count
/// is a share of (<see cref="Whole"/>; the same for a plain count), read from one ticket's own figures, so the list's
/// length is the figure.
/// </summary>
public sealed record DrillMeasure(
    string Key,
    string English,
    string Chinese,
    Func<DayFigures, long> Part,
    Func<DayFigures, long> Whole
)
{
    /// <summary>Whether the figure is a share (a rate): the list holds its part, the whole beside it.</summary>
    public bool IsRate { get; init; }
}

/// <summary>
/// The figures whose tickets a report links to, by the keys of its rows: counts of tickets and rates over tickets,
/// and the tickets of one overdue reason (<c>reason:系统故障</c>), rating level (<c>rating:3:3</c>) or verdict
/// (<c>verdict:resolved</c>). Times (means, medians) and clock counts are not a list of tickets and have none.
/// </summary>
public static class DrillMeasures
{
    private static readonly (
        string Prefix,
        string English,
        string Chinese,
        Func<DayFigures, Dictionary<string, long>> Counts
    )[] Keyed =
    [
        ("reason:", "Overdue reason: ", "超时原因：", figures => figures.Reasons),
        ("rating:", "Rated ", "评价：", figures => figures.Ratings),
        ("verdict:", "Customer's verdict: ", "客户反馈：", figures => figures.Verdicts),
    ];

    public static DrillMeasure? Find(string key, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(policy);
        static long All(DayFigures figures) => figures.Received;
        var confirmed = policy.Resolution.StopsAt == ResolutionStopsAt.Confirmed;
        // A count of one reason, rating level or verdict: the tickets that gave it.
        foreach (var (prefix, english, chinese, counts) in Keyed)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                var what = key[prefix.Length..];
                var (en, zh) =
                    prefix == "reason:"
                        ? (what, what)
                        : (new ReportLabels(false).Name(what), new ReportLabels(true).Name(what));
                return new DrillMeasure(
                    key,
                    english + en,
                    chinese + zh,
                    figures => counts(figures).GetValueOrDefault(what),
                    All
                );
            }
        }

        if (key.StartsWith("attainment.", StringComparison.Ordinal))
        {
            var metric = key["attainment.".Length..];
            return new DrillMeasure(
                key,
                new ReportLabels(false).Name(metric) + " in time",
                new ReportLabels(true).Name(metric) + "达标",
                figures => figures.Attainment.GetValueOrDefault(metric)?.Hits ?? 0,
                figures => figures.Attainment.GetValueOrDefault(metric)?.Of ?? 0
            )
            {
                IsRate = true,
            };
        }

        return key switch
        {
            "received" => new(key, "Tickets received", "受理量", All, All),
            "resolved" => new(key, "Resolved by agent", "客服已解决", figures => figures.Resolved, All),
            "confirmed" => new(key, "Resolution confirmed", "客户确认已解决", figures => figures.Confirmed, All),
            "resolutionRate" => new(
                key,
                "Resolved",
                "已解决",
                figures => confirmed ? figures.Confirmed : figures.Resolved,
                All
            )
            {
                IsRate = true,
            },
            "firstContactResolutionRate" => new(
                key,
                "Resolved at first contact",
                "首次解决",
                figures => figures.FirstContactResolved,
                All
            )
            {
                IsRate = true,
            },
            "overdue" => new(key, "Overdue tickets", "超时工单", figures => figures.Overdue, All),
            "overdueWithoutReason" => new(
                key,
                "Overdue without a reason",
                "超时未填原因",
                figures => figures.OverdueWithoutReason,
                All
            ),
            "reopened" => new(key, "Reopened", "重新打开", figures => figures.Reopened, All),
            "openAtEnd" => new(
                key,
                "Still open at the end of their day",
                "日终未结",
                figures => figures.OpenAtEnd,
                All
            ),
            "satisfaction" => new(
                key,
                "Satisfied",
                "满意",
                figures => figures.Satisfied.Hits,
                figures => figures.Satisfied.Of
            )
            {
                IsRate = true,
            },
            _ => null,
        };
    }
}
