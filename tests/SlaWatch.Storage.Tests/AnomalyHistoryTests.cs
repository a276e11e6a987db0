using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>The early-warning rules on a young deployment and on a volume that keeps rising (in-process
/// store).</summary>
public sealed class AnomalyHistoryTests
{
    private sealed class Alerts : INotifier
    {
        public List<AnomalyAlert> Raised { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Raised.AddRange(notification.Alerts);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task VolumeNeedsThreeDaysOfHistoryAndEachHigherLevelIsAnnouncedOnce()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Shipped.At("2026-11-16 18:00"));
        await using var services = MemoryProcess.Of(Shipped.Policy, clock);
        string[] subjects = ["无法登录", "物流", "退款", "怎么导出"];
        async Task Tickets(int day, int count, string prefix)
        {
            for (var i = 0; i < count; i++)
            {
                await services.Ingestion.IngestAsync(
                    TestWorld.Email(
                        $"<{prefix}-{day}-{i}@x>",
                        $"2026-11-{day} {9 + i % 9}:{i / 9:D2}",
                        subjects[i % 4],
                        $"{prefix}{i}@example.com"
                    ) with
                    {
                        Text = null,
                    },
                    "test"
                );
            }
        }

        await Tickets(14, 4, "old");
        await Tickets(15, 4, "old");
        await Tickets(16, 9, "today");
        var alerts = new Alerts();
        await services.Scanner(alerts).ScanAsync();
        // Two days of history: a young deployment raises no volume alert, however busy today is.
        Assert.DoesNotContain(alerts.Raised, alert => alert.Rule == "volume");

        await Tickets(13, 4, "older");
        var scanner = services.Scanner(alerts);
        await scanner.ScanAsync();
        // Three days with tickets (13-15), 4 a day: nine today is 2.25 times, level 2; averaged over those three days,
        // not seven.
        var first = Assert.Single(alerts.Raised, alert => alert.Rule == "volume" && alert.Key == "all");
        Assert.Equal((2, 9, 4.0), (first.Level, first.Count, first.TrailingAverage!.Value));

        await Tickets(16, 13, "later");
        await scanner.ScanAsync();
        await scanner.ScanAsync();
        // Twenty-two today: 5.5 times, level 3, announced once; level 2 is not announced again.
        var volume = alerts.Raised.Where(alert => alert.Rule == "volume" && alert.Key == "all").ToArray();
        Assert.Equal([2, 3], volume.Select(alert => alert.Level));
    }

    [Fact]
    public async Task ARunOfUnclassifiedTicketsIsNoCrisis()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Shipped.At("2026-11-16 18:00"));
        await using var services = MemoryProcess.Of(Shipped.Policy, clock);
        for (var i = 0; i < 6; i++)
        {
            await services.Ingestion.IngestAsync(
                TestWorld.Email($"<hello-{i}@x>", $"2026-11-16 10:0{i}", "你好", $"h{i}@example.com") with
                {
                    Text = null,
                },
                "test"
            );
        }

        for (var i = 0; i < 5; i++)
        {
            await services.Ingestion.IngestAsync(
                TestWorld.Email($"<refund-{i}@x>", $"2026-11-16 11:0{i}", "退款", $"r{i}@example.com") with
                {
                    Text = null,
                },
                "test"
            );
        }

        var alerts = new Alerts();
        await services.Scanner(alerts).ScanAsync();

        var streak = Assert.Single(alerts.Raised, alert => alert.Rule == "streak");
        Assert.Equal(("category:refund", 5), (streak.Key, streak.Count));
    }
}
