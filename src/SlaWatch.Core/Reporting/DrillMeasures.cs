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
/// The figures whose tickets a report links to, by the keys of its rows: counts of tickets and rates over tickets.
/// Times (means, medians) and clock counts are not a list of tickets and have none.
/// </summary>
public static class DrillMeasures
{
    public static DrillMeasure? Find(string key, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(policy);
        static long All(DayFigures figures) => figures.Received;
        var confirmed = policy.Resolution.StopsAt == ResolutionStopsAt.Confirmed;
        if (key.StartsWith("attainment.", StringComparison.Ordinal))
        {
            var metric = key["attainment.".Length..];
            return new DrillMeasure(
                key,
                $"{metric} in time",
                "达标",
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
