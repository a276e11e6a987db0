using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Replay.Input;

/// <summary>
/// One recorded input at the instant SlaWatch would have received it. <see cref="Origin"/> names the file and line or
/// row, for messages and quarantine.
/// </summary>
public abstract record ReplayItem(DateTimeOffset At, string Origin)
{
    /// <summary>The file and line or row the input came from.</summary>
    public virtual string Origin { get; init; } = Origin;

    /// <summary>Its place in the input's order: among items with one instant, the order the files were read
    /// in.</summary>
    public long Sequence { get; init; }
}

/// <summary>A customer's mail, read from its file when its turn comes (a month of mail need not sit in
/// memory).</summary>
public sealed record MailItem(DateTimeOffset At, string Origin, string Path) : ReplayItem(At, Origin)
{
    /// <summary>The file read and parsed ahead of its turn (<see cref="ReplayInput.Items"/>); null: not yet.</summary>
    public MailRead? Read { get; init; }
}

public sealed record ChatItem(DateTimeOffset At, string Origin, ChatFormat Format, byte[] Body) : ReplayItem(At, Origin)
{
    /// <summary>What the body maps to, found ahead of its turn (<see cref="ReplayInput.Items"/>); null: not yet, or a
    /// body the handler must screen at its turn (too large, or not a webhook it can map: refused then).</summary>
    public ChatAction? Action { get; init; }

    /// <summary>This delivery with its body mapped, where the handler's screening (recorded input: no signature)
    /// lets it through.</summary>
    public ChatItem MappedAhead() =>
        this with
        {
            Action = ChatWebhookHandler.Screen(Format, null, ReplayItems.NoHeaders, Body, At, Origin).Action,
        };
}

/// <summary>
/// A call from the log <paramref name="File"/>, handled when its log line is written: at the end of the call. Its
/// origin and raw text are made when asked: a year's log holds a quarter of a million calls, held parsed until the
/// replay reaches each, and the two texts were a third of what each held.
/// </summary>
public sealed record CallItem(DateTimeOffset At, string File, CallRecord Call) : ReplayItem(At, File)
{
    public override string Origin => $"{File} call {Call.CallId}";

    /// <summary>What a quarantine keeps of the call: the log's row was parsed, so its id names it.</summary>
    public string Raw => $"call {Call.CallId}";
}

/// <summary>A line of the agent events file: a response, status change, rating… (or a contact in the JSON input
/// format).</summary>
public sealed record RecordItem(DateTimeOffset At, string Origin, InputLine Line, string Raw) : ReplayItem(At, Origin)
{
    /// <summary>This line with its event's source reference given, as recording it would give it
    /// (<see cref="EventRefs"/>).</summary>
    public RecordItem RefAhead() =>
        Line is EventLine line && line.Event.SourceRef is null
            ? this with
            {
                Line = line with { Event = EventRefs.WithRef(line.Event) },
            }
            : this;
}

/// <summary>Input that could not be read; it is quarantined when the replay starts, and the rest goes on.</summary>
public sealed record UnreadableItem(DateTimeOffset At, string Origin, string Channel, string Reason, string Raw)
    : ReplayItem(At, Origin);

internal static class ReplayItems
{
    /// <summary>A recorded delivery's headers: none (recorded input was checked when it was received).</summary>
    public static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
}
