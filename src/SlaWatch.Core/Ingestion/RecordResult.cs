using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

public enum RecordOutcome
{
    Recorded,
    Duplicate,
    NotFound,
    Rejected,

    /// <summary>The ticket, as it stood at the write, was not what the caller acted on (someone else acted
    /// first).</summary>
    Conflict,
}

public sealed record RecordResult(
    RecordOutcome Outcome,
    string? TicketId,
    TicketNumber? Number,
    string? Reason = null,
    string? QuarantineId = null
)
{
    /// <summary>The ticket as written (recorded or duplicate), so a caller need not read it again.</summary>
    public Ports.StoredTicket? Ticket { get; init; }

    public string Word => Outcome.ToString().ToLowerInvariant();
}
