using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Web.Workbench;

/// <summary>
/// A ticket as an action's answer shows it: enough for the page to redraw it and to act again (its version), who
/// last acted and how, and no contact.
/// </summary>
public sealed record WorkbenchTicketView(
    string Id,
    string? Number,
    string Version,
    string Status,
    string? Owner,
    string Priority,
    string? Category,
    string LastAction,
    string LastActor,
    DateTimeOffset LastAt
)
{
    public static WorkbenchTicketView Of(StoredTicket stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var ticket = stored.State;
        var last = stored.Events[^1];
        return new WorkbenchTicketView(
            stored.Id,
            stored.Number.ToString(),
            stored.Version,
            ticket.Status.ToString(),
            ticket.Owner,
            ticket.Priority.ToString(),
            ticket.Category,
            last.GetType().Name,
            last.Actor,
            last.At
        );
    }
}

/// <summary>What an action became, with the ticket as it stands.</summary>
public sealed record WorkbenchAnswer(string Outcome, WorkbenchTicketView? Ticket);

/// <summary>A ticket's page: the view an action answers with, the actions the signed-in person may take on it (by
/// the permission table; the ticket's state may still refuse one), and the whole ticket: every field, every event
/// (contacts masked) with who recorded it from where, and the clocks now.</summary>
public sealed record WorkbenchTicketPage(WorkbenchTicketView View, IReadOnlyList<string> Allowed, object Ticket);
