using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tests.Scanning;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Composition;

/// <summary>
/// What <c>AddSlaWatchCore</c> composes: the scanner and the board take their settings from the policy unless a
/// registration says otherwise, each service is one instance per process, and what the services hold is given back.
/// </summary>
public class CoreCompositionTests
{
    private sealed class CountingSerials(ISerialAllocator inner) : ISerialAllocator, IAsyncDisposable
    {
        public int Disposed { get; private set; }

        public ValueTask<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default) =>
            inner.NextAsync(day, cancellationToken);

        public void GiveBack(DateOnly day, int serial) => inner.GiveBack(day, serial);

        public ValueTask DisposeAsync()
        {
            Disposed++;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task TheScannerAndTheBoardWarnByThePolicysTuningUnlessARegistrationSaysOtherwise()
    {
        var tuned = Shipped.Policy with
        {
            Tuning = PolicyTuning.Default with { Anomaly = new AnomalyOptions { StreakLength = 2 } },
        };
        var time = new FakeTimeProvider(Shipped.At("2026-11-16 10:00"));
        var store = new MemoryStore();
        await using var services = MemoryProcess.Of(tuned, time, store);
        var refund = TestContacts.Email("<a@x>", "2026-11-16 09:00", "申请退款", "a@example.com") with { Text = null };
        await services.Ingestion.IngestAsync(refund, "test");
        await services.Ingestion.IngestAsync(refund with { SourceId = "<b@x>", From = "b@example.com" }, "test");

        // Told otherwise first (a run of three): nothing to announce, and nothing claimed that the tuned scan would
        // miss.
        var otherNotifier = new RecordingNotifier();
        await using var other = MemoryProcess.Of(tuned, time, store);
        await other.Scanner(otherNotifier, anomalies: new AnomalyOptions { StreakLength = 3 }).ScanAsync();
        var tunedNotifier = new RecordingNotifier();
        await services.Scanner(tunedNotifier).ScanAsync();
        var board = services.Board(refreshSeconds: 10);

        Assert.Equal(
            [("streak", "category:refund", 2L)],
            tunedNotifier
                .Sent.SelectMany(sent => sent.Alerts)
                .Select(alert => (alert.Rule, alert.Key, (long)alert.Count))
        );
        Assert.Empty(otherNotifier.Sent.SelectMany(sent => sent.Alerts));
        Assert.Equal(
            [("streak", "category:refund")],
            (await board.ReadAsync()).Alerts.Select(alert => (alert.Rule, alert.Key))
        );
        Assert.Equal(TimeSpan.FromSeconds(5), board.MinimumAge);
        Assert.Equal(tuned, services.Policy);
    }

    [Fact]
    public async Task EveryServiceIsOneInstancePerProcessOnTheRegisteredStore()
    {
        var store = new MemoryStore();
        await using var services = MemoryProcess.Of(Shipped.Policy, TimeProvider.System, store, more: added =>
            added.AddSingleton<INotifier>(new RecordingNotifier())
        );

        Assert.Same(services.Get<SlaScanner>(), services.Get<SlaScanner>());
        Assert.Same(services.Get<AnomalyDetector>(), services.Get<AnomalyDetector>());
        Assert.Same(services.Get<SlaBoard>(), services.Get<SlaBoard>());
        Assert.Same(services.Get<IngestionService>(), services.Ingestion);
        Assert.Same(store.Ledger, services.Ledger);
        Assert.Same(store.Checkpoints, services.Checkpoints);
        Assert.Same(store.Tickets, services.Store);
        Assert.Equal(Shipped.Policy.Tuning.DigestThreshold, services.Get<ScanOptions>().DigestThreshold);
    }

    [Fact]
    public void AServiceWithoutItsStorageIsRefusedNamingThePort()
    {
        using var provider = new ServiceCollection()
            .AddSlaWatchPolicy(Shipped.Policy, Shipped.Rules)
            .AddSlaWatchCore()
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IngestionService>());
        Assert.Contains(nameof(ITicketStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposingTheProcessGivesBackTheSerialBlockOnce()
    {
        CountingSerials? serials = null;
        var archive = new PolicyArchive([Shipped.Policy with { Version = "old" }]);
        var services = MemoryProcess.Of(Shipped.Policy, TimeProvider.System, archive: archive, more: added =>
            added.Decorate<ISerialAllocator>((inner, _) => serials = new CountingSerials(inner))
        );

        Assert.NotNull(services.Reports.Archive.Find("old"));
        var resolved = services.Serials;
        Assert.Same(serials, resolved);
        await services.DisposeAsync();
        Assert.Equal(1, serials!.Disposed);
        await using var plain = MemoryProcess.Of(Shipped.Policy, TimeProvider.System);
        Assert.Empty(plain.Reports.Archive.Versions);
    }

    [Fact]
    public void WithoutAClockOrAnArchiveTheProcessRunsOnTheSystemClockWithNoEarlierPoliciesAndHasItsNightlyReport()
    {
        var registered = new ServiceCollection().AddSlaWatchCore();
        registered.AddSingleton(Shipped.Policy);
        registered.AddSingleton(Shipped.Rules);
        using var provider = registered.BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(PolicyArchive.Empty, provider.GetRequiredService<PolicyArchive>());
        Assert.Contains(registered, descriptor => descriptor.ServiceType == typeof(NightlyReport));
    }

    [Fact]
    public void ANullCollectionOrDecoratorIsRefusedNamingTheArgument()
    {
        IServiceCollection none = null!;

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => none.AddSlaWatchCore()).ParamName);
        Assert.Equal(
            "services",
            Assert.Throws<ArgumentNullException>(() => none.AddSlaWatchPolicy(Shipped.Policy, Shipped.Rules)).ParamName
        );
        Assert.Equal(
            "services",
            Assert.Throws<ArgumentNullException>(() => none.Decorate<ISerialAllocator>((inner, _) => inner)).ParamName
        );
        Assert.Equal(
            "decorate",
            Assert
                .Throws<ArgumentNullException>(() => new ServiceCollection().Decorate<ISerialAllocator>(null!))
                .ParamName
        );
    }

    [Fact]
    public async Task DecoratingReplacesTheRegistrationWhateverItsKindAndRefusesOneThatIsNotThere()
    {
        var byType = new ServiceCollection()
            .AddSingleton<ISerialAllocator, MemorySerialAllocator>()
            .Decorate<ISerialAllocator>((inner, _) => new CountingSerials(inner));
        await using var provider = byType.BuildServiceProvider();

        var byFactory = new ServiceCollection()
            .AddSingleton<ISerialAllocator>(_ => new MemorySerialAllocator())
            .Decorate<ISerialAllocator>((inner, _) => new CountingSerials(inner));
        await using var fromFactory = byFactory.BuildServiceProvider();

        // One registration, the decorated one, around an instance made from the registered type or factory.
        Assert.IsType<CountingSerials>(Assert.Single(provider.GetServices<ISerialAllocator>()));
        Assert.IsType<CountingSerials>(Assert.Single(fromFactory.GetServices<ISerialAllocator>()));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().Decorate<ISerialAllocator>((inner, _) => inner)
        );
        Assert.Equal("ISerialAllocator is not registered: nothing to decorate", error.Message);
    }
}
