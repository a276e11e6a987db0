using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Hosting;

/// <summary>One store's implementations of every port the ticket services use (Table Storage, or in-process).</summary>
public sealed record StorePorts(
    ITicketStore Store,
    ITicketIndex Index,
    ISerialAllocator Serials,
    IQuarantine Quarantine,
    ICheckpointStore Checkpoints,
    INotificationLedger Ledger,
    IAggregateStore Aggregates);
