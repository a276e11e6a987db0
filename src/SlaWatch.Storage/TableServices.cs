using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Storage;

/// <summary>The ticket services wired to one account's tables: what a host composes once and keeps.</summary>
public sealed class TableServices : IAsyncDisposable
{
    public TableServices(StorageOptions options, SlaPolicy policy, ClassificationRules rules, TimeProvider time)
    {
        Storage = new TableStorage(options);
        Store = new TableTicketStore(Storage);
        Index = new TableTicketIndex(Storage);
        Quarantine = new TableQuarantine(Storage);
        Serials = new TableSerialAllocator(Storage, time);
        Checkpoints = new TableCheckpointStore(Storage);
        Ledger = new TableNotificationLedger(Storage);
        Aggregates = new TableAggregateStore(Storage);
        Reports = new ReportService(Store, Index, Aggregates, policy, time);
        Writer = new TicketWriter(Store, Index, policy, time);
        Ingestion = new IngestionService(Writer, Store, Index, Serials, Quarantine, new Classifier(rules));
        Events = new TicketEventService(Writer, Store, Index, Quarantine);
    }

    public TableStorage Storage { get; }

    public TableTicketStore Store { get; }

    public TableTicketIndex Index { get; }

    public TableQuarantine Quarantine { get; }

    public TableSerialAllocator Serials { get; }

    public TableCheckpointStore Checkpoints { get; }

    public TableNotificationLedger Ledger { get; }

    public TableAggregateStore Aggregates { get; }

    public ReportService Reports { get; }

    public SlaScanner Scanner(INotifier notifier, ScanOptions? options = null, AnomalyOptions? anomalies = null) =>
        new(Store, Index, Writer, Ledger, notifier, Checkpoints, options, new AnomalyDetector(Index, Ledger, Writer.Policy.TimeZone, anomalies));

    public TicketWriter Writer { get; }

    public IngestionService Ingestion { get; }

    public TicketEventService Events { get; }

    public ValueTask DisposeAsync() => Serials.DisposeAsync();
}
