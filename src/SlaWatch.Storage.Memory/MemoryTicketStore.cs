using System.Globalization;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>Tickets in process memory, with the Table store's guarantees: create-if-absent and version-checked
/// appends.</summary>
public sealed class MemoryTicketStore : ITicketStore
{
    private sealed record Row(TicketNumber Number, TicketEvent[] Events, TicketIndexState Index, int Version);

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    public Task<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(ticketId, out var row) ? Stored(ticketId, row) : null);
        }
    }

    public Task<bool> TryCreateAsync(
        string ticketId,
        TicketNumber number,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        TicketStoreArguments.CheckCreate(events);
        lock (_gate)
        {
            return Task.FromResult(_rows.TryAdd(ticketId, new Row(number, [.. events], index, 1)));
        }
    }

    public Task<StoredTicket> AppendAsync(
        StoredTicket current,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        lock (_gate)
        {
            if (!_rows.TryGetValue(current.Id, out var row) || VersionText(row.Version) != current.Version)
            {
                throw new TicketConflictException(current.Id);
            }

            var written = row with { Events = [.. row.Events, .. events], Index = index, Version = row.Version + 1 };
            _rows[current.Id] = written;
            return Task.FromResult(Stored(current.Id, written));
        }
    }

    private static StoredTicket Stored(string id, Row row) =>
        new(id, row.Number, row.Events, row.Index, VersionText(row.Version));

    private static string VersionText(int version) => version.ToString(CultureInfo.InvariantCulture);
}
