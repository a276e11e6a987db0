using SlaWatch.Core.Classification;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.Policies;

namespace SlaWatch.Storage;

/// <summary>The ticket services wired to one account's tables.</summary>
public sealed class TableServices : TicketServices
{
    public TableServices(StorageOptions options, SlaPolicy policy, ClassificationRules rules, TimeProvider time, PolicyArchive? archive = null)
        : this(new TableStorage(options), policy, rules, time, archive)
    {
    }

    private TableServices(TableStorage storage, SlaPolicy policy, ClassificationRules rules, TimeProvider time, PolicyArchive? archive)
        : base(PortsOn(storage, time), policy, rules, time, archive)
    {
        Storage = storage;
    }

    public TableStorage Storage { get; }

    /// <summary>Every port on <paramref name="storage"/>; <paramref name="time"/> paces the serial allocator's blocks (wall time).</summary>
    public static StorePorts PortsOn(TableStorage storage, TimeProvider time) => new(
        new TableTicketStore(storage),
        new TableTicketIndex(storage),
        new TableSerialAllocator(storage, time),
        new TableQuarantine(storage),
        new TableCheckpointStore(storage),
        new TableNotificationLedger(storage),
        new TableAggregateStore(storage));
}
