using SlaWatch.Core.Hosting;

namespace SlaWatch.Core.InMemory;

/// <summary>A fresh in-process store: for what-if replays over months of data, where nothing needs to outlive the run.</summary>
public static class MemoryStore
{
    public static StorePorts Create() => new(
        new MemoryTicketStore(),
        new MemoryTicketIndex(),
        new MemorySerialAllocator(),
        new MemoryQuarantine(),
        new MemoryCheckpointStore(),
        new MemoryNotificationLedger(),
        new MemoryAggregateStore());
}
