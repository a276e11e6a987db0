using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.TestSupport;

/// <summary>
/// One process of SlaWatch as a host composes it (<c>AddSlaWatchCore</c> over the storage, policy and clock the test
/// registers). Several on one store act like separate processes. A test that needs another registration (its own
/// notifier, scan options or board refresh) gets a process of its own with it: nothing is wired by hand.
/// </summary>
internal sealed class TestProcess : IAsyncDisposable
{
    private readonly Action<IServiceCollection> _configure;
    private readonly ServiceProvider _provider;
    private readonly List<TestProcess> _children = [];

    public TestProcess(Action<IServiceCollection> configure)
    {
        _configure = configure;
        var services = new ServiceCollection().AddLogging();
        configure(services);
        _provider = services.AddSlaWatchCore().BuildServiceProvider(validateScopes: true);
    }

    public IServiceProvider Provider => _provider;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public TimeProvider Time => Get<TimeProvider>();

    public SlaPolicy Policy => Get<SlaPolicy>();

    public ClassificationRules Rules => Get<ClassificationRules>();

    public ITicketStore Store => Get<ITicketStore>();

    public ITicketIndex Index => Get<ITicketIndex>();

    public ISerialAllocator Serials => Get<ISerialAllocator>();

    public IQuarantine Quarantine => Get<IQuarantine>();

    public ICheckpointStore Checkpoints => Get<ICheckpointStore>();

    public INotificationLedger Ledger => Get<INotificationLedger>();

    public IAggregateStore Aggregates => Get<IAggregateStore>();

    public TicketWriter Writer => Get<TicketWriter>();

    public IngestionService Ingestion => Get<IngestionService>();

    public TicketEventService Events => Get<TicketEventService>();

    public ReportService Reports => Get<ReportService>();

    public Backlog Backlog => Get<Backlog>();

    /// <summary>This process with more registered (they win over the defaults), on the same store.</summary>
    public TestProcess With(Action<IServiceCollection> more)
    {
        var child = new TestProcess(services =>
        {
            _configure(services);
            more(services);
        });
        _children.Add(child);
        return child;
    }

    /// <summary>The scanner of a process that announces to <paramref name="notifier"/>.</summary>
    public SlaScanner Scanner(INotifier notifier, ScanOptions? options = null, AnomalyOptions? anomalies = null) =>
        With(services =>
            {
                services.AddSingleton(notifier);
                if (options is not null)
                {
                    services.AddSingleton(options);
                }

                if (anomalies is not null)
                {
                    services.AddSingleton(anomalies);
                }
            })
            .Get<SlaScanner>();

    /// <summary>The live board of a process whose screens refresh every <paramref name="refreshSeconds"/>.</summary>
    public SlaBoard Board(int refreshSeconds = SlaBoard.DefaultRefreshSeconds) =>
        With(services => services.AddSingleton(new BoardOptions(refreshSeconds))).Get<SlaBoard>();

    public Task<ReportView> ViewAsync(PeriodReport report, CancellationToken cancellationToken = default) =>
        Get<PeriodViews>().ViewAsync(report, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            await child.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }
}
