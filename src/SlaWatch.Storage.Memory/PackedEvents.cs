using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// A ticket's events as bytes for the in-process store: a year of a large contact centre is a million tickets, and as
/// objects their events and strings held most of the two to three kilobytes a ticket cost and made every collection
/// trace them. Each event is its kind, its instant as ticks from the event before, the names it carries as numbers
/// in the store's <see cref="PackedNames"/>, and its text as UTF-8; every field is kept, so what is unpacked equals
/// what was packed (offsets and instants exactly). The bytes each write adds lie in the store's
/// <see cref="PackedLog"/>. Used under the store's lock.
/// </summary>
internal sealed class PackedEvents
{
    private enum Kind : byte
    {
        Received,
        CustomerMessage,
        Acknowledged,
        AgentResponse,
        StatusChanged,
        PriorityChanged,
        CategoryChanged,
        Assigned,
        SatisfactionRated,
        Escalated,
        AlertSent,
        AlertAcknowledged,
        ResolutionPromised,
        OverdueReason,
        CustomerConfirmed,
        RemarkAdded,
        FirstContactRecorded,
    }

    [Flags]
    private enum Extras : byte
    {
        None = 0,
        RecordedAt = 1,
        Entered = 2,
        StampedAt = 4,
        From = 8,
    }

    private readonly PackedNames _names = new(65_536);
    private readonly PackedWriter _writer;
    private readonly PackedLog _log;
    private readonly Dictionary<string, Channel> _channels = new(StringComparer.Ordinal);

    public PackedEvents(int blockSize) => (_writer, _log) = (new PackedWriter(_names), new PackedLog(blockSize));

    /// <summary>
    /// Adds the events of <paramref name="events"/> from <paramref name="from"/> on after those packed up to
    /// <paramref name="last"/> (the segment a ticket ends at, <see cref="PackedLog.None"/> for a new ticket) and
    /// returns where the ticket ends now: a ticket's events are only ever added to, so each is packed once, when
    /// written, while its objects are fresh in the processor's cache (packed a few thousand writes later, reading them
    /// back from memory was most of the work).
    /// </summary>
    public long Append(long last, IReadOnlyList<TicketEvent> events, int from)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (from == events.Count && last != PackedLog.None)
        {
            return last;
        }

        _writer.Clear();
        // Each instant is kept as the ticks from the event before.
        var at = from == 0 ? 0 : events[from - 1].At.UtcTicks;
        for (var i = from; i < events.Count; i++)
        {
            Pack(events[i], ref at);
        }

        return _log.Add(last, _writer.Written);
    }

    /// <summary>The <paramref name="count"/> events of the ticket that ends at <paramref name="last"/>.</summary>
    public TicketEvent[] Unpack(long last, int count)
    {
        // A write adds at least one event, so a ticket has at most as many segments as events.
        Span<(long At, int Length)> segments = count <= 64 ? stackalloc (long, int)[count] : new (long, int)[count];
        var found = 0;
        for (var at = last; at != PackedLog.None; found++)
        {
            segments[found] = _log.Find(at, out at);
        }

        var events = new TicketEvent[count];
        var (unpacked, ticks) = (0, 0L);
        for (var segment = found - 1; segment >= 0; segment--)
        {
            var reader = new PackedReader(_log.Bytes(segments[segment]), _names);
            for (; !reader.AtEnd; unpacked++)
            {
                events[unpacked < count ? unpacked : throw Miscounted()] = Unpack(ref reader, ref ticks);
            }
        }

        return unpacked == count ? events : throw Miscounted();
    }

    private static InvalidOperationException Miscounted() => new("Packed events do not hold their count.");

    private void Pack(TicketEvent item, ref long last)
    {
        var writer = _writer;
        writer.Unsigned((byte)KindOf(item));
        var at = item.At.UtcTicks;
        writer.Instant(item.At, ref last);
        writer.Name(item.Actor);
        writer.Text(item.SourceRef);
        var extras =
            (item.RecordedAt is null ? Extras.None : Extras.RecordedAt)
            | (item.Entered ? Extras.Entered : Extras.None)
            | (item.StampedAt is null ? Extras.None : Extras.StampedAt)
            | (item.From is null ? Extras.None : Extras.From);
        writer.Unsigned((byte)extras);
        if (item.RecordedAt is { } recorded)
        {
            var from = at;
            writer.Instant(recorded, ref from);
        }

        if (item.StampedAt is { } stamped)
        {
            var from = at;
            writer.Instant(stamped, ref from);
        }

        if (item.From is { } address)
        {
            writer.Text(address);
        }

        PackFields(item, at);
    }

    private void PackFields(TicketEvent item, long at)
    {
        var writer = _writer;
        switch (item)
        {
            case Received received:
                writer.Name(received.Channel.Key);
                writer.Signed((int)received.Priority);
                writer.Name(received.Category);
                writer.Text(received.Customer.Key);
                writer.Name(received.Customer.Masked);
                writer.Text(received.Subject);
                writer.Name(received.CustomerTier);
                writer.Text(received.Excerpt);
                writer.Text(received.Reference);
                writer.Text(received.Remarks);
                break;
            case CustomerMessage message:
                writer.Text(message.Excerpt);
                break;
            case AgentResponse response:
                writer.Text(response.Excerpt);
                break;
            case StatusChanged status:
                writer.Signed((int)status.Status);
                writer.Text(status.Note);
                break;
            case PriorityChanged priority:
                writer.Signed((int)priority.Priority);
                break;
            case CategoryChanged category:
                writer.Name(category.Category);
                break;
            case Assigned assigned:
                writer.Name(assigned.Owner);
                writer.Name(assigned.Executor);
                break;
            case SatisfactionRated rated:
                writer.Signed(rated.Score);
                writer.Signed(rated.ScaleMax);
                writer.Text(rated.Comment);
                break;
            case Escalated escalated:
                writer.Signed((int)escalated.Metric);
                writer.Signed(escalated.Level);
                break;
            case AlertSent sent:
                writer.Signed((int)sent.Metric);
                writer.Signed(sent.Level);
                writer.Name(sent.Role);
                writer.Name(sent.Person);
                writer.Name(sent.Route);
                writer.Flag(sent.Delivered);
                writer.Text(sent.Reason);
                break;
            case AlertAcknowledged taken:
                writer.Signed((int)taken.Metric);
                writer.Signed(taken.Cycle);
                break;
            case ResolutionPromised promised:
                writer.Instant(promised.PromisedBy, ref at);
                break;
            case OverdueReason reason:
                writer.Text(reason.Reason);
                writer.Signed(reason.Metric is { } metric ? (int)metric + 1 : 0);
                break;
            case CustomerConfirmed confirmed:
                writer.Signed((int)confirmed.Outcome);
                writer.Text(confirmed.Comment);
                break;
            case RemarkAdded remark:
                writer.Text(remark.Text);
                break;
            case FirstContactRecorded recorded:
                writer.Flag(recorded.Resolved);
                break;
        }
    }

    private TicketEvent Unpack(ref PackedReader reader, ref long last)
    {
        var kind = (Kind)reader.Unsigned();
        var at = reader.Instant(ref last);
        var (actor, source) = (reader.Name()!, reader.Text());
        var extras = (Extras)reader.Unsigned();
        var ticks = at.UtcTicks;
        var recordedFrom = ticks;
        var recorded = extras.HasFlag(Extras.RecordedAt) ? reader.Instant(ref recordedFrom) : (DateTimeOffset?)null;
        var stampedFrom = ticks;
        var stamped = extras.HasFlag(Extras.StampedAt) ? reader.Instant(ref stampedFrom) : (DateTimeOffset?)null;
        var from = extras.HasFlag(Extras.From) ? reader.Text() : null;
        var item = UnpackFields(ref reader, kind, at, actor, source, ticks);
        return recorded is null && stamped is null && from is null && !extras.HasFlag(Extras.Entered)
            ? item
            : item with
            {
                RecordedAt = recorded,
                Entered = extras.HasFlag(Extras.Entered),
                StampedAt = stamped,
                From = from,
            };
    }

    private TicketEvent UnpackFields(
        ref PackedReader reader,
        Kind kind,
        DateTimeOffset at,
        string actor,
        string? source,
        long ticks
    ) =>
        kind switch
        {
            Kind.Received => new Received(
                at,
                actor,
                source,
                ChannelOf(reader.Name()!),
                (Priority)reader.Int(),
                reader.Name(),
                new CustomerRef(reader.Text()!, reader.Name()!),
                reader.Text(),
                reader.Name(),
                reader.Text(),
                reader.Text(),
                reader.Text()
            ),
            Kind.CustomerMessage => new CustomerMessage(at, actor, source, reader.Text()),
            Kind.Acknowledged => new Acknowledged(at, actor, source),
            Kind.AgentResponse => new AgentResponse(at, actor, source, reader.Text()),
            Kind.StatusChanged => new StatusChanged(at, actor, source, (TicketStatus)reader.Int(), reader.Text()),
            Kind.PriorityChanged => new PriorityChanged(at, actor, source, (Priority)reader.Int()),
            Kind.CategoryChanged => new CategoryChanged(at, actor, source, reader.Name()!),
            Kind.Assigned => new Assigned(at, actor, source, reader.Name()!, reader.Name()),
            Kind.SatisfactionRated => new SatisfactionRated(
                at,
                actor,
                source,
                reader.Int(),
                reader.Int(),
                reader.Text()
            ),
            Kind.Escalated => new Escalated(at, actor, source, (SlaMetric)reader.Int(), reader.Int()),
            Kind.AlertSent => new AlertSent(
                at,
                actor,
                source,
                (SlaMetric)reader.Int(),
                reader.Int(),
                reader.Name()!,
                reader.Name()!,
                reader.Name()!,
                reader.Flag(),
                reader.Text()
            ),
            Kind.AlertAcknowledged => new AlertAcknowledged(at, actor, source, (SlaMetric)reader.Int(), reader.Int()),
            Kind.ResolutionPromised => new ResolutionPromised(at, actor, source, reader.Instant(ref ticks)),
            Kind.OverdueReason => new OverdueReason(
                at,
                actor,
                source,
                reader.Text()!,
                reader.Int() is var metric and > 0 ? (SlaMetric)(metric - 1) : null
            ),
            Kind.CustomerConfirmed => new CustomerConfirmed(
                at,
                actor,
                source,
                (Confirmation)reader.Int(),
                reader.Text()
            ),
            Kind.RemarkAdded => new RemarkAdded(at, actor, source, reader.Text()!),
            Kind.FirstContactRecorded => new FirstContactRecorded(at, actor, source, reader.Flag()),
            _ => throw new InvalidOperationException($"Packed event of unknown kind {kind}."),
        };

    // A channel's key is always a kept name, so the same string: its channel is made once, not checked on each read.
    private Channel ChannelOf(string key)
    {
        if (!_channels.TryGetValue(key, out var channel))
        {
            _channels[key] = channel = Channel.FromKey(key);
        }

        return channel;
    }

    private static Kind KindOf(TicketEvent item) =>
        item switch
        {
            Received => Kind.Received,
            CustomerMessage => Kind.CustomerMessage,
            Acknowledged => Kind.Acknowledged,
            AgentResponse => Kind.AgentResponse,
            StatusChanged => Kind.StatusChanged,
            PriorityChanged => Kind.PriorityChanged,
            CategoryChanged => Kind.CategoryChanged,
            Assigned => Kind.Assigned,
            SatisfactionRated => Kind.SatisfactionRated,
            Escalated => Kind.Escalated,
            AlertSent => Kind.AlertSent,
            AlertAcknowledged => Kind.AlertAcknowledged,
            ResolutionPromised => Kind.ResolutionPromised,
            OverdueReason => Kind.OverdueReason,
            CustomerConfirmed => Kind.CustomerConfirmed,
            RemarkAdded => Kind.RemarkAdded,
            FirstContactRecorded => Kind.FirstContactRecorded,
            _ => throw new ArgumentException($"{item.GetType().Name} cannot be packed.", nameof(item)),
        };
}
