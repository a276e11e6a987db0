namespace SlaWatch.Core.Ingestion;

/// <summary>What became of one input line (a contact or an event): a ticket, or why it was refused and where it was
/// kept.</summary>
public sealed record LineOutcome(
    string Word,
    string? Number,
    string? TicketId,
    string? Reason = null,
    string? QuarantineId = null
)
{
    /// <summary>Refused or still waiting for its ticket: not in any ticket.</summary>
    public bool Rejected => Reason is not null;

    public static LineOutcome From(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Word, result.Number?.ToString(), result.TicketId, result.Reason, result.QuarantineId);
    }

    public static LineOutcome From(RecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Word, result.Number?.ToString(), result.TicketId, result.Reason, result.QuarantineId);
    }
}
