using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Policies;

/// <summary>What ends a ticket's resolution in the reports: the agent's "resolved", or the customer's
/// confirmation.</summary>
public enum ResolutionStopsAt
{
    Resolved,
    Confirmed,
}

/// <summary>
/// The policy's resolution stop. The seed defines final resolution as handled <em>and</em> confirmed by the customer
/// (得到客户确认), so by default a ticket counts as resolved once confirmed: by the customer's own "resolved", by the
/// team closing it (closing follows confirmation in the templates' flow), or, when the customer says nothing for
/// <see cref="ConfirmationWait"/> after the agent's resolution, at the agent's resolution (silence confirms). The SLA
/// resolution clock measures the team and stops at the agent's resolution either way.
/// </summary>
public sealed record ResolutionStop(ResolutionStopsAt StopsAt = ResolutionStopsAt.Confirmed, TimeSpan? Wait = null)
{
    public static ResolutionStop Default { get; } = new();

    public TimeSpan ConfirmationWait => Wait ?? TimeSpan.FromDays(7);

    /// <summary>
    /// When the customer's confirmation (or its fallback) made the resolution final, as of <paramref name="asOf"/>:
    /// the earliest of the customer's confirmation, the team's close, and silence once <paramref name="wait"/> has
    /// passed since the agent's resolution (which then counts from the resolution itself). The earliest wins, so a
    /// day computed again later, after a close, gives the figures it gave before.
    /// </summary>
    public static DateTimeOffset? ConfirmedAt(Ticket ticket, TimeSpan wait, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ConfirmedAt(ticket.Status, (ticket.ResolvedAt, ticket.ConfirmedAt, ticket.ClosedAt), wait, asOf);
    }

    /// <summary>The same from a ticket's status and instants, for a report reading a fold in place.</summary>
    internal static DateTimeOffset? ConfirmedAt(
        TicketStatus status,
        (DateTimeOffset? Resolved, DateTimeOffset? Confirmed, DateTimeOffset? Closed) at,
        TimeSpan wait,
        DateTimeOffset asOf
    )
    {
        if (!status.IsDone() || at.Resolved is not { } resolved)
        {
            return null;
        }

        var silence = resolved + wait;
        (DateTimeOffset Happened, DateTimeOffset Stops)? earliest = silence <= asOf ? (silence, resolved) : null;
        foreach (var said in (ReadOnlySpan<DateTimeOffset?>)[at.Confirmed, at.Closed])
        {
            if (said is { } instant && (earliest is null || instant < earliest.Value.Happened))
            {
                earliest = (instant, instant);
            }
        }

        return earliest?.Stops;
    }

    /// <summary>The instant the reports count as the ticket's resolution under this stop.</summary>
    public DateTimeOffset? StoppedAt(Ticket ticket, DateTimeOffset asOf) =>
        StopsAt == ResolutionStopsAt.Resolved ? ticket?.ResolvedAt : ConfirmedAt(ticket!, ConfirmationWait, asOf);
}
