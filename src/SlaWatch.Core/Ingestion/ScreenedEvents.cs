using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>Events screened by the rules (<see cref="TicketEventService.ScreenAsync"/>): each with its source
/// reference, and what each refused one became (null for the accepted).</summary>
public sealed record ScreenedEvents(IReadOnlyList<TicketEvent> Items, IReadOnlyList<RecordResult?> Refused)
{
    // Which items are the first accepted one of their source: the rest repeat it.
    private readonly bool[] _first = Firsts(Items, Refused);

    /// <summary>The accepted events, each source once: what a ticket created with them holds.</summary>
    public IReadOnlyList<TicketEvent> Accepted => field ??= [.. Items.Where((_, i) => _first[i])];

    /// <summary>Whether the item at <paramref name="index"/> is accepted and not a repeat of an earlier one's
    /// source.</summary>
    public bool IsFirst(int index) => _first[index];

    private static bool[] Firsts(IReadOnlyList<TicketEvent> items, IReadOnlyList<RecordResult?> refused)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. items.Select((item, i) => refused[i] is null && seen.Add(item.SourceRef!))];
    }
}

/// <summary>An event as it came: where from (a file and line, a sheet row) and its text, kept with it if
/// refused.</summary>
public sealed record EventInput(TicketEvent Event, string Origin, RawInput Raw);
