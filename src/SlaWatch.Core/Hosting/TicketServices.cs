using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Hosting;

/// <summary>The ticket services wired to one store: what a host composes once and keeps.</summary>
public class TicketServices : IAsyncDisposable
{
    public TicketServices(StorePorts ports, SlaPolicy policy, ClassificationRules rules, TimeProvider time, PolicyArchive? archive = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        Ports = ports;
        Time = time;
        Rules = rules;
        Reports = new ReportService(ports.Store, ports.Index, ports.Aggregates, policy, time) { Archive = archive ?? PolicyArchive.Empty };
        Writer = new TicketWriter(ports.Store, ports.Index, policy, time);
        Ingestion = new IngestionService(Writer, ports.Store, ports.Index, ports.Serials, ports.Quarantine, new Classifier(rules));
        Events = new TicketEventService(Writer, ports.Store, ports.Index, ports.Quarantine);
        Backlog = new Backlog(ports.Store, ports.Index, policy, time);
    }

    public StorePorts Ports { get; }

    public TimeProvider Time { get; }

    /// <summary>The classification rules (also the categories' names in reports).</summary>
    public ClassificationRules Rules { get; }

    public ITicketStore Store => Ports.Store;

    public ITicketIndex Index => Ports.Index;

    public ISerialAllocator Serials => Ports.Serials;

    public IQuarantine Quarantine => Ports.Quarantine;

    public ICheckpointStore Checkpoints => Ports.Checkpoints;

    public INotificationLedger Ledger => Ports.Ledger;

    public IAggregateStore Aggregates => Ports.Aggregates;

    public SlaPolicy Policy => Writer.Policy;

    public ReportService Reports { get; }

    public TicketWriter Writer { get; }

    public IngestionService Ingestion { get; }

    public TicketEventService Events { get; }

    /// <summary>Every ticket open at an instant, soonest due first.</summary>
    public Backlog Backlog { get; }

    /// <summary>What every report format shows of a period: its view, with the tickets still open at its end.</summary>
    public async Task<ReportView> ViewAsync(PeriodReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportView.For(report, Policy, Rules) with { Backlog = await BacklogAtEndAsync(report.Period, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The tickets open at the end of a period (the start of the day after it, in the policy's zone).</summary>
    public Task<IReadOnlyList<BacklogRow>> BacklogAtEndAsync(ReportPeriod period, CancellationToken cancellationToken = default) =>
        Backlog.AtAsync(Reports.EndOf(period), cancellationToken);

    public SlaScanner Scanner(INotifier notifier, ScanOptions? options = null, AnomalyOptions? anomalies = null) =>
        new(Store, Index, Writer, Ledger, notifier, Checkpoints, options ?? new ScanOptions { DigestThreshold = Policy.Tuning.DigestThreshold },
            new AnomalyDetector(Index, Ledger, Policy.TimeZone, anomalies ?? Policy.Tuning.Anomaly));

    /// <summary>A live board over this store; a host keeps one, so its screens share each read.</summary>
    public SlaBoard Board(int refreshSeconds = SlaBoard.DefaultRefreshSeconds) =>
        new(Backlog, Reports, new AnomalyDetector(Index, Ledger, Policy.TimeZone, Policy.Tuning.Anomaly), Policy, Time)
        {
            RefreshSeconds = refreshSeconds,
        };

    public async ValueTask DisposeAsync()
    {
        // The serial allocator returns its unused block on dispose; the other ports hold nothing.
        if (Serials is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
