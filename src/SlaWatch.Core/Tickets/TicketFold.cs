namespace SlaWatch.Core.Tickets;

/// <summary>
/// Folds events, in <see cref="EventOrder"/>, into a ticket's state. Events are facts: the fold never refuses one. A
/// customer who writes to a resolved or closed ticket reopens it, whenever that message was recorded.
/// </summary>
public static class TicketFold
{
    public static Ticket Fold(string id, IEnumerable<TicketEvent> events, TicketNumber? number = null)
    {
        Ticket? ticket = null;
        foreach (var item in EventOrder.Chronological(events))
        {
            ticket = Apply(ticket, id, item);
        }

        var folded = ticket ?? throw new ArgumentException($"Ticket {id} has no events; its first event must be {nameof(Received)}.", nameof(events));
        return folded with { Number = number };
    }

    public static Ticket Apply(Ticket? ticket, string id, TicketEvent item)
    {
        if (ticket is null)
        {
            return item is Received received
                ? new Ticket
                {
                    Id = id,
                    Channel = received.Channel,
                    Priority = received.Priority,
                    Category = received.Category,
                    CustomerTier = received.CustomerTier,
                    Customer = received.Customer,
                    Subject = received.Subject,
                    SourceRef = received.SourceRef,
                    Reference = received.Reference,
                    Remarks = received.Remarks,
                    ReceivedAt = received.At,
                    EventCount = 1,
                }
                : throw new ArgumentException($"Ticket {id}: the first event must be {nameof(Received)}, not {item.GetType().Name}.", nameof(item));
        }

        ticket = ticket with { EventCount = ticket.EventCount + 1 };
        if (item is CustomerMessage)
        {
            ticket = ticket with
            {
                CustomerMessageCount = ticket.CustomerMessageCount + 1,
                CustomerFollowUps = ticket.CustomerFollowUps + (ticket.FirstResponseAt is null ? 0 : 1),
            };
        }

        return item switch
        {
            CustomerMessage when ticket.Status == TicketStatus.PendingCustomer => ticket with { Status = TicketStatus.Open },
            CustomerMessage when ticket.Status.IsDone() => Reopen(ticket),
            Acknowledged => ticket with { AcknowledgedAt = ticket.AcknowledgedAt ?? item.At },
            AgentResponse => ticket with
            {
                AcknowledgedAt = ticket.AcknowledgedAt ?? item.At,
                FirstResponseAt = ticket.FirstResponseAt ?? item.At,
                AgentResponseCount = ticket.AgentResponseCount + 1,
                Owner = ticket.Owner ?? item.Actor,
            },
            StatusChanged change => ApplyStatus(ticket, change),
            PriorityChanged change => ticket with { Priority = change.Priority },
            CategoryChanged change => ticket with { Category = change.Category },
            Assigned change => ticket with { Owner = change.Owner, Executor = change.Executor ?? ticket.Executor },
            SatisfactionRated rating => ticket with { Satisfaction = new Satisfaction(rating.Score, rating.ScaleMax, rating.Comment) },
            ResolutionPromised promise => ticket with { PromisedResolutionBy = promise.PromisedBy },
            OverdueReason reason => ticket with
            {
                OverdueReason = reason.Reason,
                OverdueReasons = [.. ticket.OverdueReasons, new ReasonGiven(reason.Reason, reason.Metric, reason.At)],
            },
            FirstContactRecorded recorded => ticket with { FirstContactRecorded = recorded.Resolved },
            CustomerConfirmed { Outcome: Confirmation.Resolved } confirmed => ticket with
            {
                CustomerConfirmation = confirmed.Outcome,
                ConfirmedAt = ticket.Status.IsDone() ? ticket.ConfirmedAt ?? confirmed.At : ticket.ConfirmedAt,
            },
            CustomerConfirmed confirmed => Reopen(ticket) with { CustomerConfirmation = confirmed.Outcome },
            _ => ticket,
        };
    }

    /// <summary>Only a done ticket reopens; a "not resolved" on an open ticket changes nothing but the record.</summary>
    private static Ticket Reopen(Ticket ticket) => ticket.Status.IsDone()
        ? ticket with { Status = TicketStatus.Open, ReopenCount = ticket.ReopenCount + 1, ResolvedAt = null, ClosedAt = null, ConfirmedAt = null }
        : ticket;

    private static Ticket ApplyStatus(Ticket ticket, StatusChanged change) => change.Status switch
    {
        TicketStatus.Reopened => Reopen(ticket),
        TicketStatus.Open when ticket.Status.IsDone() => Reopen(ticket),
        TicketStatus.Resolved => ticket with { Status = TicketStatus.Resolved, ResolvedAt = change.At, Solution = change.Note ?? ticket.Solution },
        TicketStatus.Closed => ticket with { Status = TicketStatus.Closed, ResolvedAt = ticket.ResolvedAt ?? change.At, ClosedAt = change.At },
        _ => ticket with { Status = change.Status },
    };
}
