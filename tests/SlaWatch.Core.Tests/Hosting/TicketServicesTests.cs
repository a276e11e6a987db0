using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.InMemory;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tests.Scanning;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Hosting;

/// <summary>The services one store composes take their settings from the policy, and give back what they hold.</summary>
public class TicketServicesTests
{
    private sealed class CountingSerials(ISerialAllocator inner) : ISerialAllocator, IAsyncDisposable
    {
        public int Disposed { get; private set; }

        public ValueTask<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default) => inner.NextAsync(day, cancellationToken);

        public void GiveBack(DateOnly day, int serial) => inner.GiveBack(day, serial);

        public ValueTask DisposeAsync()
        {
            Disposed++;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task TheScannerAndTheBoardWarnByThePolicysTuningUnlessTheScanIsToldOtherwise()
    {
        var tuned = Shipped.Policy with { Tuning = PolicyTuning.Default with { Anomaly = new AnomalyOptions { StreakLength = 2 } } };
        var time = new FakeTimeProvider(Shipped.At("2026-11-16 10:00"));
        await using var services = new TicketServices(MemoryStore.Create(), tuned, Shipped.Rules, time);
        await services.Ingestion.IngestAsync(TestContacts.Email("<a@x>", "2026-11-16 09:00", "申请退款", "a@example.com") with { Text = null }, "test");
        await services.Ingestion.IngestAsync(TestContacts.Email("<b@x>", "2026-11-16 09:01", "申请退款", "b@example.com") with { Text = null }, "test");

        // Told otherwise first (a run of three): nothing to announce, and nothing claimed that the tuned scan would miss.
        var defaultNotifier = new RecordingNotifier();
        await using var otherServices = new TicketServices(services.Ports, tuned, Shipped.Rules, time);
        await otherServices.Scanner(defaultNotifier, anomalies: new AnomalyOptions { StreakLength = 3 }).ScanAsync();
        var tunedNotifier = new RecordingNotifier();
        await services.Scanner(tunedNotifier).ScanAsync();
        using var board = services.Board(refreshSeconds: 10);

        Assert.Equal([("streak", "category:refund", 2L)], tunedNotifier.Sent.SelectMany(notification => notification.Alerts).Select(alert => (alert.Rule, alert.Key, (long)alert.Count)));
        Assert.Empty(defaultNotifier.Sent.SelectMany(notification => notification.Alerts));
        Assert.Equal([("streak", "category:refund")], (await board.ReadAsync()).Alerts.Select(alert => (alert.Rule, alert.Key)));
        Assert.Equal(tuned, services.Policy);
        Assert.Same(services.Ports.Ledger, services.Ledger);
        Assert.Same(services.Ports.Checkpoints, services.Checkpoints);
    }

    [Fact]
    public void ServicesNeedTheirPorts() =>
        Assert.Equal("ports", Assert.Throws<ArgumentNullException>(() => new TicketServices(null!, Shipped.Policy, Shipped.Rules, TimeProvider.System)).ParamName);

    [Fact]
    public async Task DisposingGivesBackTheSerialBlockOnce()
    {
        var ports = MemoryStore.Create();
        var serials = new CountingSerials(ports.Serials);
        var services = new TicketServices(ports with { Serials = serials }, Shipped.Policy, Shipped.Rules, TimeProvider.System, new PolicyArchive([Shipped.Policy with { Version = "old" }]));

        Assert.NotNull(services.Reports.Archive.Find("old"));
        await services.DisposeAsync();
        Assert.Equal(1, serials.Disposed);
        await using var plain = new TicketServices(MemoryStore.Create(), Shipped.Policy, Shipped.Rules, TimeProvider.System);
        Assert.Empty(plain.Reports.Archive.Versions);
    }
}
