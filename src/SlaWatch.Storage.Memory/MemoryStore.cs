using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Every port in process memory: for what-if replays over months of data, where nothing needs to outlive the run, and
/// for tests. Several service providers given the same store act like several processes on one storage account.
/// </summary>
public sealed class MemoryStore
{
    public ITicketStore Tickets { get; } = new MemoryTicketStore();

    public ITicketIndex Index { get; } = new MemoryTicketIndex();

    public ISerialAllocator Serials { get; } = new MemorySerialAllocator();

    public IQuarantine Quarantine { get; } = new MemoryQuarantine();

    public ICheckpointStore Checkpoints { get; } = new MemoryCheckpointStore();

    public INotificationLedger Ledger { get; } = new MemoryNotificationLedger();

    public IAggregateStore Aggregates { get; } = new MemoryAggregateStore();

    public IUndeliveredAlerts Undelivered { get; } = new MemoryUndeliveredAlerts();
}
