using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// A day's exception rows, picked while its tickets are folded from the clock states the fold reads (read again for
/// every ticket, they were a quarter of a report's time): overdue and unresolved tickets first, then those listed only
/// for how they were recorded or solved, each group in number order, at most
/// <see cref="DailyAggregate.MaxExceptions"/>.
/// </summary>
public sealed class ExceptionList(SlaPolicy policy)
{
    private readonly List<Listed> _listed = [];

    private readonly record struct Listed(
        StoredTicket Stored,
        bool Problem,
        string[] Breached,
        IReadOnlyList<DataNote> Notes
    );

    /// <summary>Lists the ticket if it is an exception, by its clocks' <paramref name="states"/> at the report's
    /// instant.</summary>
    public void Offer(StoredTicket stored, IReadOnlyList<(SlaMetric Metric, ClockState State)> states)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(states);
        var breached = 0;
        foreach (var (_, state) in states)
        {
            breached += state == ClockState.Breached ? 1 : 0;
        }

        var problem = !stored.State.Status.IsDone() || breached > 0;
        var notes = DataNote.Of(stored, policy.DataQuality);
        if (problem || ExceptionRow.IsVague(stored.State.Solution) || notes.Count > 0)
        {
            _listed.Add(
                new Listed(
                    stored,
                    problem,
                    [.. states.Where(clock => clock.State == ClockState.Breached).Select(clock => clock.Metric.Key())],
                    notes
                )
            );
        }
    }

    /// <summary>The rows: a day's list is read in number order (date, then serial), which breaks ties of
    /// serial.</summary>
    public IReadOnlyList<ExceptionRow> Rows() =>
        [
            .. _listed
                .OrderBy(listed => listed.Problem ? 0 : 1)
                .ThenBy(listed => listed.Stored.Number.Serial)
                .ThenBy(listed => listed.Stored.Number.Date)
                .Take(DailyAggregate.MaxExceptions)
                .Select(Row),
        ];

    private ExceptionRow Row(Listed listed)
    {
        var (stored, state) = (listed.Stored, listed.Stored.State);
        return new ExceptionRow(
            stored.Number.ToString(),
            stored.Id,
            state.Channel.Key,
            state.Priority.Key(),
            state.Owner,
            state.Status.ToString(),
            listed.Breached,
            ContactMasking.InText(state.OverdueReason, policy.PhoneMask)
        )
        {
            Reasons =
                state.OverdueReasons.Count == 0
                    ? []
                    :
                    [
                        .. state.OverdueReasons.Select(given =>
                            ContactMasking.InText(ExceptionRow.ReasonFor(given.Reason, given.Metric), policy.PhoneMask)!
                        ),
                    ],
            VagueSolution = ExceptionRow.IsVague(state.Solution)
                ? ContactMasking.InText(state.Solution, policy.PhoneMask)
                : null,
            DataQuality = listed.Notes,
        };
    }
}
