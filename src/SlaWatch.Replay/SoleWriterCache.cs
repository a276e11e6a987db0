using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;

namespace SlaWatch.Replay;

/// <summary>
/// A replay is the only writer of its fresh store, so what it wrote is what the store holds: tickets are read from
/// the store once and then kept as written, checkpoints are kept as written, and the day lists and wake-ups are
/// mirrored in memory as they are written. Every write still goes to the store; the reads a replay repeats most
/// (the next wake-up before each input, today's arrivals at each scan) cost no round trip. The in-process store
/// needs none of this.
/// </summary>
internal static class SoleWriterCache
{
    /// <summary>Caches the ticket store, the checkpoints and the index registered so far (a remote store's).</summary>
    public static IServiceCollection AddSoleWriterCache(this IServiceCollection services) =>
        services
            .Decorate<ITicketStore>((inner, _) => new CachedTickets(inner))
            .Decorate<ICheckpointStore>((inner, _) => new CachedCheckpoints(inner))
            .Decorate<ITicketIndex>((inner, _) => new MirroredIndex(inner));

    private sealed class MirroredIndex(ITicketIndex inner) : ITicketIndex
    {
        private readonly MemoryTicketIndex _mirror = new();

        public Task<string?> FindByNumberAsync(TicketNumber number, CancellationToken cancellationToken = default) =>
            _mirror.FindByNumberAsync(number, cancellationToken);

        public Task<string?> FindBySourceAsync(
            Channel channel,
            string sourceId,
            CancellationToken cancellationToken = default
        ) => _mirror.FindBySourceAsync(channel, sourceId, cancellationToken);

        public async Task IndexSourceAsync(
            Channel channel,
            string sourceId,
            string ticketId,
            CancellationToken cancellationToken = default
        )
        {
            await inner.IndexSourceAsync(channel, sourceId, ticketId, cancellationToken).ConfigureAwait(false);
            await _mirror.IndexSourceAsync(channel, sourceId, ticketId, cancellationToken).ConfigureAwait(false);
        }

        public async Task IndexDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
        {
            await inner.IndexDayAsync(entry, cancellationToken).ConfigureAwait(false);
            await _mirror.IndexDayAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        public async Task IndexDaysAsync(
            IReadOnlyCollection<DayEntry> entries,
            CancellationToken cancellationToken = default
        )
        {
            await inner.IndexDaysAsync(entries, cancellationToken).ConfigureAwait(false);
            await _mirror.IndexDaysAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        public async Task RemoveDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
        {
            await inner.RemoveDayAsync(entry, cancellationToken).ConfigureAwait(false);
            await _mirror.RemoveDayAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<DayEntry>> ReadDayAsync(
            DateOnly day,
            CancellationToken cancellationToken = default
        ) => _mirror.ReadDayAsync(day, cancellationToken);

        public Task<DayChanges> ReadDayChangesAsync(
            DateOnly day,
            DayMark? since,
            CancellationToken cancellationToken = default
        ) => _mirror.ReadDayChangesAsync(day, since, cancellationToken);

        // Written through, so the tables report alone later; read from the mirror (none: the cached tickets are at
        // hand).
        public Task SummarizeAsync(
            StoredTicket ticket,
            int previousEventCount,
            CancellationToken cancellationToken = default
        ) => inner.SummarizeAsync(ticket, previousEventCount, cancellationToken);

        public Task<IReadOnlyList<StoredTicket>> ReadDaySummariesAsync(
            DateOnly day,
            CancellationToken cancellationToken = default
        ) => _mirror.ReadDaySummariesAsync(day, cancellationToken);

        public async Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default)
        {
            await inner.AddDueAsync(entry, cancellationToken).ConfigureAwait(false);
            await _mirror.AddDueAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        public async Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default)
        {
            await inner.RemoveDueAsync(entry, cancellationToken).ConfigureAwait(false);
            await _mirror.RemoveDueAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        public async Task RemoveDuesAsync(
            IReadOnlyCollection<DueEntry> entries,
            CancellationToken cancellationToken = default
        )
        {
            await inner.RemoveDuesAsync(entries, cancellationToken).ConfigureAwait(false);
            await _mirror.RemoveDuesAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<DueEntry>> ReadDueAsync(
            string fromBucket,
            string toBucket,
            CancellationToken cancellationToken = default
        ) => _mirror.ReadDueAsync(fromBucket, toBucket, cancellationToken);

        public Task<DateTimeOffset?> NextDueAfterAsync(
            DateTimeOffset after,
            CancellationToken cancellationToken = default
        ) => _mirror.NextDueAfterAsync(after, cancellationToken);

        public async Task MarkOpenAsync(
            string ticketId,
            TicketNumber number,
            CancellationToken cancellationToken = default
        )
        {
            await inner.MarkOpenAsync(ticketId, number, cancellationToken).ConfigureAwait(false);
            await _mirror.MarkOpenAsync(ticketId, number, cancellationToken).ConfigureAwait(false);
        }

        public async Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default)
        {
            await inner.MarkDoneAsync(ticketId, cancellationToken).ConfigureAwait(false);
            await _mirror.MarkDoneAsync(ticketId, cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<(string TicketId, TicketNumber Number)>> ReadOpenAsync(
            CancellationToken cancellationToken = default
        ) => _mirror.ReadOpenAsync(cancellationToken);
    }

    private sealed class CachedTickets(ITicketStore inner) : ITicketStore
    {
        private readonly Dictionary<string, StoredTicket> _tickets = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public async ValueTask<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (_tickets.TryGetValue(ticketId, out var kept))
                {
                    return kept;
                }
            }

            var loaded = await inner.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (loaded is not null)
            {
                Keep(loaded);
            }

            return loaded;
        }

        public Task<bool> TryCreateAsync(
            string ticketId,
            TicketNumber number,
            IReadOnlyList<TicketEvent> events,
            TicketIndexState index,
            CancellationToken cancellationToken = default
        ) => inner.TryCreateAsync(ticketId, number, events, index, cancellationToken);

        public async ValueTask<StoredTicket> AppendAsync(
            StoredTicket current,
            IReadOnlyList<TicketEvent> events,
            TicketIndexState index,
            CancellationToken cancellationToken = default
        )
        {
            var written = await inner.AppendAsync(current, events, index, cancellationToken).ConfigureAwait(false);
            Keep(written);
            return written;
        }

        private void Keep(StoredTicket ticket)
        {
            lock (_gate)
            {
                _tickets[ticket.Id] = ticket;
            }
        }
    }

    private sealed class CachedCheckpoints(ICheckpointStore inner) : ICheckpointStore
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                _values[key] = value = await inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
            }

            return value;
        }

        public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
        {
            await inner.SetAsync(key, value, cancellationToken).ConfigureAwait(false);
            _values[key] = value;
        }
    }
}
