using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>Events screened by the rules (<see cref="TicketEventService.ScreenAsync"/>): each with its source
/// reference, and what each refused one became (null for the accepted).</summary>
public sealed record ScreenedEvents(IReadOnlyList<TicketEvent> Items, IReadOnlyList<RecordResult?> Refused)
{
    /// <summary>The accepted events, each source once: what a ticket created with them holds.</summary>
    public IReadOnlyList<TicketEvent> Accepted { get; } =
    [.. Items.Where((_, i) => Refused[i] is null).DistinctBy(item => item.SourceRef, StringComparer.Ordinal)];
}
