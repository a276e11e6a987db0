using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Scanning;

/// <summary>
/// A scan slowed by its store delivers what it has claimed every <see cref="ScanOptions.DeliverEvery"/>, the longest
/// due first, rather than holding every breach until the last ticket is claimed; a quick scan delivers once.
/// </summary>
public sealed class DeliveryRoundsTests
{
    /// <summary>The in-process ledger, each claim taking a second of the test's time, as a store under load
    /// would.</summary>
    private sealed class SlowLedger(INotificationLedger ledger, FakeTimeProvider time) : INotificationLedger
    {
        public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
            ledger.TryClaimAsync(scope, key, cancellationToken);

        public Task<IReadOnlySet<string>> TryClaimAllAsync(
            string scope,
            IReadOnlyList<string> keys,
            CancellationToken cancellationToken = default
        )
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return ledger.TryClaimAllAsync(scope, keys, cancellationToken);
        }

        public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default) =>
            ledger.ReleaseAsync(scope, key, cancellationToken);
    }

    /// <summary>When the notifier was called, and with what.</summary>
    private sealed class TimedInbox(TimeProvider time) : INotifier
    {
        public List<(DateTimeOffset At, Notification Notification)> Received { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Received.Add((time.GetUtcNow(), notification));
            return Task.CompletedTask;
        }
    }

    [Theory]
    // Four tickets claimed a slice (one at a time, four to a slice), a second each: a delivery after every slice.
    [InlineData(4, 3)]
    // Slower to come due than the scan takes: one delivery at its end.
    [InlineData(3_600, 1)]
    public async Task ASlowScanDeliversWhatItHasClaimedInRoundsTheLongestDueFirst(int deliverEverySeconds, int rounds)
    {
        var time = new FakeTimeProvider(Shipped.At("2026-11-16 09:42"));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        // Twelve customers' urgent mails a minute apart, ingested newest first: the store's order is not the due order.
        for (var i = 11; i >= 0; i--)
        {
            await services.Ingestion.IngestAsync(
                TestContacts.Email($"<round-{i}@x>", $"2026-11-16 09:{30 + i}", from: $"1391234{i:D4}"),
                "test"
            );
        }

        time.SetUtcNow(Shipped.At("2026-11-16 09:58"));
        var inbox = new TimedInbox(time);
        var slow = services.With(more => more.AddSingleton<INotificationLedger>(new SlowLedger(services.Ledger, time)));
        var options = new ScanOptions
        {
            Parallelism = 1,
            DeliverEvery = TimeSpan.FromSeconds(deliverEverySeconds),
            DigestThreshold = 1_000,
        };
        var report = await slow.Scanner(inbox, options).ScanAsync();

        var breaches = inbox
            .Received.SelectMany(sent => sent.Notification.Items.Select(item => (sent.At, Item: item)))
            .Where(sent => sent.Item.Kind == "breach")
            .ToList();
        Assert.Equal(12, breaches.Count);
        Assert.Equal(12, breaches.Select(sent => sent.Item.TicketId).Distinct().Count());
        var deliveries = breaches.GroupBy(sent => sent.At).OrderBy(round => round.Key).ToList();
        Assert.Equal(rounds, deliveries.Count);
        Assert.All(deliveries, round => Assert.Equal(12 / rounds, round.Count()));
        // Each round's breaches came due before the next round's.
        for (var i = 1; i < deliveries.Count; i++)
        {
            Assert.True(deliveries[i - 1].Max(sent => sent.Item.Due) < deliveries[i].Min(sent => sent.Item.Due));
        }

        Assert.Equal(12, report.TicketsLoaded);
        Assert.Equal(inbox.Received.Count, report.Notifications);
    }
}
