namespace SlaWatch.Core.Tickets;

public enum TicketStatus
{
    Open,
    PendingCustomer,
    OnHold,
    Resolved,
    Closed,

    /// <summary>Only as the target of a status change: the ticket opens again and a new resolution cycle
    /// starts.</summary>
    Reopened,
}

public static class TicketStatusRules
{
    /// <summary>While waiting on the customer or on hold, SLA clocks do not run.</summary>
    public static bool PausesClocks(this TicketStatus status) =>
        status is TicketStatus.PendingCustomer or TicketStatus.OnHold;

    public static bool IsDone(this TicketStatus status) => status is TicketStatus.Resolved or TicketStatus.Closed;
}
