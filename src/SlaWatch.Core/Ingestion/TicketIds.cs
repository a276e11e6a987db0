using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// A ticket's id is derived from what created it (the first contact's source id, or the chat conversation), so the
/// same contact ingested twice, by two workers at once, lands on one ticket: the store's insert is the guard.
/// </summary>
public static class TicketIds
{
    /// <summary>How a sender's conversation is kept in the SourceIndex (<c>repeat:{key}</c>, the ticket it is on
    /// now); a reference <c>source:{channel}:repeat:{key}</c> names that ticket, never one the key opened.</summary>
    public const string RepeatPrefix = "repeat:";

    /// <summary>A tracking sheet's row's references (<c>import:{its number or a digest}</c>, and its steps').</summary>
    public const string ImportPrefix = "import:";

    /// <summary>References derived for events that came without one.</summary>
    public const string DerivedPrefix = "evt:";

    /// <summary>Whether a reference is one SlaWatch made (a sheet row's, a derived one): no customer's message quotes
    /// it, so nothing threads by it.</summary>
    public static bool IsOwn(string sourceRef) =>
        sourceRef.StartsWith(ImportPrefix, StringComparison.Ordinal)
        || sourceRef.StartsWith(DerivedPrefix, StringComparison.Ordinal);

    /// <summary>
    /// A reference naming a ticket by the message that opened or joined it (<c>source:{channel}:{id}</c>) or by its
    /// conversation (<c>thread:{channel}:{key}</c>): whether it is a conversation's, the channel as it is named, and
    /// the rest; false for any other reference (a number, an id). Read in place: every event names its ticket so.
    /// </summary>
    public static bool TryRefParts(
        string ticketRef,
        out bool isThread,
        out ReadOnlySpan<char> channelName,
        out string key
    )
    {
        ArgumentNullException.ThrowIfNull(ticketRef);
        var first = ticketRef.IndexOf(':', StringComparison.Ordinal);
        var second = first < 0 ? -1 : ticketRef.IndexOf(':', first + 1);
        var kind = second < 0 ? default : ticketRef.AsSpan(0, first);
        isThread = kind is "thread";
        if (!isThread && kind is not "source")
        {
            channelName = default;
            key = string.Empty;
            return false;
        }

        channelName = ticketRef.AsSpan(first + 1, second - first - 1);
        key = ticketRef[(second + 1)..];
        return true;
    }

    public static string ForContact(InboundContact contact) =>
        contact.ThreadKey is { Length: > 0 } thread
            ? ForThread(contact.Channel, thread)
            : ForSource(contact.Channel, contact.SourceId);

    public static string ForSource(Channel channel, string sourceId) => Derive(channel, isThread: false, sourceId);

    public static string ForThread(Channel channel, string threadKey) => Derive(channel, isThread: true, threadKey);

    /// <summary>An id derived, and the name it was derived from.</summary>
    private sealed record Derived(Channel Channel, bool IsThread, string Key, string Id);

    /// <summary>
    /// The ids derived last, each in the slot its name's hash picks: every event names its ticket by the message that
    /// opened it or by its conversation, and each id is a SHA-256, so a ticket's next event (a conversation's next
    /// message) finds its id here rather than hashing again (a replay derived one for nearly every input). An entry
    /// is never changed, only replaced, so two threads at once at worst both derive one.
    /// </summary>
    private static readonly Derived?[] Recent = new Derived?[16_384];

    private static string Derive(Channel channel, bool isThread, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slot = (int)((uint)HashCode.Combine(channel, isThread, key) % (uint)Recent.Length);
        if (Recent[slot] is { } kept && kept.IsThread == isThread && kept.Channel == channel && kept.Key == key)
        {
            return kept.Id;
        }

        var id = ShortDigest.Of("t", 12, channel.Key, isThread ? "\nthread\n" : "\nsource\n", key);
        Recent[slot] = new Derived(channel, isThread, key, id);
        return id;
    }
}
