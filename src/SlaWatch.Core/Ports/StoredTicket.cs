using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>
/// What the service keeps beside a ticket's events so its indexes stay in step: the DueIndex entry it owns and the
/// last local day already entered in TicketsByDay.
/// </summary>
public sealed record TicketIndexState(DueEntry? WakeUp, DateOnly LastActivityDay);

/// <summary>A ticket as loaded from a store: its events, its index state and the version a write must match.</summary>
public sealed record StoredTicket(
    string Id,
    TicketNumber Number,
    IReadOnlyList<TicketEvent> Events,
    TicketIndexState Index,
    string Version
)
{
    // Folded once per list of events: a copy made with other events (`with { Events = … }`) folds its own. One
    // reference, so threads sharing a ticket read a whole fold or none, never half of one.
    private FoldOf? _folded;

    private sealed record FoldOf(IReadOnlyList<TicketEvent> Events, Ticket State);

    public Ticket State
    {
        get
        {
            if (Folded is not { } state)
            {
                state = TicketFold.Fold(Id, Events, Number);
                _folded = new FoldOf(Events, state);
            }

            return state;
        }
    }

    /// <summary>When the ticket arrived and its status: from <see cref="State"/> when that was read, else folded
    /// without making a <see cref="Ticket"/> (every write asks for these two).</summary>
    internal (DateTimeOffset ReceivedAt, TicketStatus Status) ArrivalAndStatus() =>
        Folded is { } state ? (state.ReceivedAt, state.Status) : TicketFold.ArrivalAndStatus(Id, Events);

    // The fold kept, while it is of this ticket's events.
    private Ticket? Folded => _folded is { } folded && ReferenceEquals(folded.Events, Events) ? folded.State : null;

    public bool HasSource(string? sourceRef)
    {
        // Asked for every event offered, against every event the ticket holds: by index, not a closure or an
        // enumerator each time.
        if (sourceRef is null)
        {
            return false;
        }

        for (var i = 0; i < Events.Count; i++)
        {
            if (string.Equals(Events[i].SourceRef, sourceRef, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
