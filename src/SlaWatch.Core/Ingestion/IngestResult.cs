using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

public enum IngestOutcome
{
    Created,
    Threaded,
    Duplicate,
    Rejected,

    /// <summary>An automatic message (bounce, auto-reply) about an existing ticket: kept out of its history.</summary>
    Ignored,
}

/// <summary>What became of an input: the ticket it made or joined, or why it was refused and where it was
/// kept.</summary>
public sealed record IngestResult(
    IngestOutcome Outcome,
    string? TicketId,
    TicketNumber? Number,
    string? Reason = null,
    string? QuarantineId = null
)
{
    public static IngestResult Rejected(string reason, string quarantineId) =>
        new(IngestOutcome.Rejected, null, null, reason, quarantineId);

    public string Word => Outcome.ToString().ToLowerInvariant();

    /// <summary>For a ticket a bulk run holds (<see cref="HeldWrites"/>): the result once it is written, which may
    /// differ (the ticket found written already: the contact's outcome on it).</summary>
    public Task<IngestResult>? Landing { get; init; }
}
