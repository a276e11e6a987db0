using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>A ticket to create, as <see cref="ITicketStore.TryCreateAsync"/> takes it.</summary>
public sealed record NewTicket(
    string Id,
    TicketNumber Number,
    IReadOnlyList<TicketEvent> Events,
    TicketIndexState Index
);
