using SlaWatch.Core.Text;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// The source reference an event is recorded under: its own, or one derived from what happened, so the same event
/// recorded twice is one. <see cref="TicketEventService"/> gives every event its reference before it writes; a reader
/// that parses events on a thread of its own (a replay's) may give it there, and the service keeps it.
/// </summary>
public static class EventRefs
{
    /// <summary>The event with its reference: itself when it has one.</summary>
    public static TicketEvent WithRef(TicketEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.SourceRef is null ? item with { SourceRef = Derived(item) } : item;
    }

    // From what happened only: how and when it was recorded does not make it another event. The hash of the event as
    // Described gives it.
    private static string Derived(TicketEvent item) =>
        ShortDigest.OfBytes(
            TicketIds.DerivedPrefix,
            12,
            Described(item with { Entered = false, RecordedAt = null, StampedAt = null, From = null })
        );

    /// <summary>An event's type name and JSON, in UTF-8, in the thread's buffer (<see cref="ThreadJson"/>): an agent
    /// event a replay records was otherwise four copies of its JSON (string, bytes) for one 24-digit name.</summary>
    internal static ReadOnlySpan<byte> Described(TicketEvent item) =>
        ThreadJson.Utf8(item, item.GetType(), item.GetType().Name);
}
