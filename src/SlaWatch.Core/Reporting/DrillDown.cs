using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Reporting;

/// <summary>A ticket behind a figure, as the workbench lists it (its customer masked).</summary>
public sealed record DrillRow(
    string TicketId,
    string Number,
    string Channel,
    string Priority,
    string? Category,
    string? Owner,
    string Status,
    DateTimeOffset ReceivedAt,
    string Customer
)
{
    /// <summary>A list of past tickets shows no countdown: the workbench's rows carry clocks, these none.</summary>
    public IReadOnlyList<object> Clocks { get; } = [];
}

/// <summary>The tickets behind a figure of a period and dimension: <see cref="Count"/> of them (the figure, or a
/// rate's part) out of <see cref="Whole"/>; the first <see cref="MaxListed"/> listed. <see cref="Period"/> names the
/// days in the language asked for, for a heading.</summary>
public sealed record DrillList(
    DateOnly From,
    DateOnly To,
    string Dimension,
    string Measure,
    string Label,
    string Period,
    bool IsRate,
    long Count,
    long Whole,
    IReadOnlyList<DrillRow> Tickets
)
{
    public const int MaxListed = 5000;

    public double? Percent => Whole == 0 ? null : 100.0 * Count / Whole;
}

/// <summary>
/// From a report's figure to its tickets: each day's arrivals folded one ticket at a time, as of the instant and
/// under the policy version the stored day was computed with (now and the policy in force for a day not yet run), so
/// that summed they are the day's figure exactly; a ticket is listed when it adds to the figure. It reads, never
/// writes.
/// </summary>
public sealed class DrillDown(
    ReportService reports,
    IAggregateStore aggregates,
    SlaPolicy policy,
    PolicyArchive archive,
    TimeProvider time
)
{
    /// <exception cref="ArgumentException">The measure is not one a report links to.</exception>
    public async Task<DrillList> ListAsync(
        ReportPeriod period,
        string dimension,
        string measure,
        bool chinese,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(dimension);
        var drill = DrillMeasures.Find(measure, policy)
            ?? throw new ArgumentException($"'{measure}' is not a count or rate a report links to", nameof(measure));
        var now = time.GetUtcNow();
        var noHistory = new RepeatHistory([], TimeSpan.Zero);
        var rows = new List<DrillRow>();
        long count = 0,
            whole = 0;
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            var stored = await aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
            var (asOf, used) = stored is null
                ? (now, policy)
                : (
                    stored.ComputedAt,
                    stored.PolicyVersion == policy.Version ? policy : archive.Find(stored.PolicyVersion) ?? policy
                );
            foreach (var ticket in await reports.ArrivalTicketsAsync(day, cancellationToken).ConfigureAwait(false))
            {
                var figures = DailyAggregator.Fold([ticket], used, asOf, noHistory);
                if (!figures.TryGetValue(dimension, out var own))
                {
                    continue;
                }

                whole += drill.Whole(own);
                var part = drill.Part(own);
                if (part == 0)
                {
                    continue;
                }

                count += part;
                if (rows.Count < DrillList.MaxListed)
                {
                    var state = ticket.State;
                    rows.Add(
                        new DrillRow(
                            ticket.Id,
                            ticket.Number.ToString(),
                            state.Channel.Key,
                            state.Priority.Key(),
                            state.Category,
                            state.Owner,
                            state.Status.ToString(),
                            state.ReceivedAt,
                            state.Customer.Masked
                        )
                    );
                }
            }
        }

        return new DrillList(
            period.From,
            period.To,
            dimension,
            measure,
            chinese ? drill.Chinese : drill.English,
            DateWords.Span(period.From, period.To, chinese),
            drill.IsRate,
            count,
            whole,
            rows
        );
    }
}
