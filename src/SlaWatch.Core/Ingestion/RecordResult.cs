using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

public enum RecordOutcome
{
    Recorded,
    Duplicate,
    NotFound,
    Rejected,
}

public sealed record RecordResult(RecordOutcome Outcome, string? TicketId, TicketNumber? Number, string? Reason = null, string? QuarantineId = null)
{
    public string Word => Outcome.ToString().ToLowerInvariant();
}
