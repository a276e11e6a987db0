using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>One step of a chain: a line, and the later event lines that go onto its ticket with it (a contact's
/// reply, resolution, rating…, which then cost no write of their own).</summary>
public sealed record InputStep(int Line, IReadOnlyList<int> FollowUps);

/// <summary>
/// Which lines of an ingest file may be taken side by side without changing what any line becomes, as a sheet's days
/// are (<c>ImportGroups</c>). Lines are one chain, each in file order, when they touch one ticket or may: a contact and
/// the messages it quotes or that quote it (references, and the replies' own ids), a conversation's or a sender's
/// contacts, the events naming a ticket by the message that opened or joined it, by its conversation or by its id,
/// and a day's contacts (numbered as they are created). A line that names a ticket by its number, which no line knows
/// before the ticket is made, waits until every chain is done and goes in file order.
/// </summary>
public static class InputChains
{
    /// <summary>Events going with one contact at most: a create holds the contact and 99 events.</summary>
    public const int MaxFollowUps = 98;

    /// <summary>The chains of <paramref name="lines"/> (null for a line refused on reading, left out) and the lines
    /// taken after them.</summary>
    public static (IReadOnlyList<IReadOnlyList<InputStep>> Chains, IReadOnlyList<int> Afterwards) Of(
        IReadOnlyList<InputLine?> lines,
        TimeZoneInfo zone,
        ChannelCatalog channels
    )
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(channels);
        var keys = new UnionOfKeys();
        var root = new string?[lines.Count];
        // An event's ticket key, read once: its chain's steps give it to the contact that names that ticket.
        var ticketOf = new string?[lines.Count];
        var afterwards = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var touched = lines[i] switch
            {
                ContactLine { Contact: var contact } when !ThreadFinder.NamesNumber(contact.Subject) =>
                [
                    "day:" + Calendars.ZoneMapping.LocalDate(zone, contact.ReceivedAt).DayNumber,
                    .. Own(contact),
                    .. contact.References.Select(reference => "ref:" + reference),
                    .. contact.RepeatKey is { } repeat ? ["repeat:" + repeat] : Array.Empty<string>(),
                ],
                EventLine item when TicketKey(item.Ticket, channels) is { } ticket => item.Event.SourceRef is { } own
                && !TicketIds.IsOwn(own)
                    ? [ticket, "ref:" + own]
                    : [ticket],
                null => [],
                _ => (string[]?)null,
            };
            if (touched is null)
            {
                afterwards.Add(i);
            }
            else if (touched.Length > 0)
            {
                root[i] = touched[0];
                ticketOf[i] = lines[i] is EventLine ? touched[0] : null;
                foreach (var key in touched.Skip(1))
                {
                    keys.Join(touched[0], key);
                }
            }
        }

        var chains = Enumerable
            .Range(0, lines.Count)
            .Where(i => root[i] is not null)
            .GroupBy(i => keys.Find(root[i]!), StringComparer.Ordinal)
            .Select(chain => Steps(chain, lines, ticketOf))
            .ToArray();
        return (chains, afterwards);
    }

    // A chain's lines in order, each contact taking the later events that name its ticket: the first contact to name a
    // ticket holds it, so one pass gives each event its contact (a walk from each contact was quadratic in a day).
    private static IReadOnlyList<InputStep> Steps(
        IEnumerable<int> chain,
        IReadOnlyList<InputLine?> lines,
        string?[] ticketOf
    )
    {
        var steps = new List<InputStep>();
        var followUps = new List<List<int>>();
        var holder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in chain)
        {
            if (
                ticketOf[line] is { } ticket
                && holder.TryGetValue(ticket, out var step)
                && followUps[step].Count < MaxFollowUps
            )
            {
                followUps[step].Add(line);
                continue;
            }

            followUps.Add([]);
            steps.Add(new InputStep(line, followUps[^1]));
            if (lines[line] is ContactLine { Contact: var contact })
            {
                foreach (var key in Own(contact))
                {
                    holder.TryAdd(key, steps.Count - 1);
                }
            }
        }

        return steps;
    }

    // What names the ticket a contact opens or joins: its message, its conversation, the id it would create.
    private static IEnumerable<string> Own(InboundContact contact)
    {
        yield return "ref:" + contact.SourceId;
        yield return "id:" + TicketIds.ForContact(contact);
        if (contact.ThreadKey is { Length: > 0 } thread)
        {
            yield return "thread:" + contact.Channel.Key + ":" + thread;
        }
    }

    // How an event's ticket reference reads as a key; null for a number, known only once the ticket is made.
    private static string? TicketKey(string ticketRef, ChannelCatalog channels)
    {
        if (TicketNumber.TryParse(ticketRef, out _))
        {
            return null;
        }

        if (!TicketIds.TryRefParts(ticketRef, out var isThread, out var name, out var key))
        {
            return "id:" + ticketRef;
        }

        if (!isThread)
        {
            return "ref:" + key;
        }

        return channels.TryParse(name, out var channel) ? "thread:" + channel.Key + ":" + key : null;
    }

    /// <summary>Keys joined into sets (union–find), each set named by one of its keys.</summary>
    private sealed class UnionOfKeys
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public string Find(string key)
        {
            if (!_parent.TryGetValue(key, out var parent))
            {
                _parent[key] = key;
                return key;
            }

            while (parent != key)
            {
                var grand = _parent[parent];
                _parent[key] = grand;
                (key, parent) = (parent, _parent[parent]);
            }

            return key;
        }

        public void Join(string a, string b)
        {
            var (rootA, rootB) = (Find(a), Find(b));
            if (rootA != rootB)
            {
                _parent[rootB] = rootA;
            }
        }
    }
}
