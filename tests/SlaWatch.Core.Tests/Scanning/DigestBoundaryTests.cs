using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Scanning;

/// <summary>A recipient gets one message per announcement up to the digest threshold, and one digest beyond
/// it.</summary>
public sealed class DigestBoundaryTests
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:00");

    private sealed class Inbox : INotifier
    {
        public List<Notification> Received { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Received.Add(notification);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, true)]
    public async Task ExactlyTheThresholdIsSentOneByOneAndOneMoreIsADigest(int thresholdAboveCount, bool digest)
    {
        // How many announcements one overdue ticket makes for its busiest recipient, measured on a ticket of its own.
        var single = await ScanAsync(tickets: 1, threshold: 1000);
        var (recipient, perTicket) = single
            .GroupBy(notification => notification.Recipient)
            .Select(group => (group.Key, group.Count()))
            .MaxBy(pair => pair.Item2);
        Assert.True(perTicket >= 1);

        const int tickets = 3;
        var count = perTicket * tickets;
        var received = (await ScanAsync(tickets, threshold: count + thresholdAboveCount))
            .Where(notification => notification.Recipient == recipient)
            .ToList();

        Assert.Equal(digest ? 1 : count, received.Count);
        Assert.All(received, notification => Assert.Equal(digest, notification.IsDigest));
        Assert.Equal(count, received.Sum(notification => notification.Items.Count));
    }

    private static async Task<List<Notification>> ScanAsync(int tickets, int threshold)
    {
        var time = new FakeTimeProvider(Arrival);
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        for (var i = 0; i < tickets; i++)
        {
            await services.Ingestion.IngestAsync(
                new InboundContact
                {
                    Channel = Channel.Chat,
                    SourceId = $"d{i}",
                    ThreadKey = $"d{i}",
                    ReceivedAt = Arrival,
                    From = $"1391234000{i}",
                    Text = "无法登录",
                },
                "test"
            );
        }

        // The chat's five minutes to first response are long past; its resolution clock (24 h) is not near.
        time.SetUtcNow(Arrival.AddMinutes(30));
        var inbox = new Inbox();
        await services.Scanner(inbox, new ScanOptions { DigestThreshold = threshold }).ScanAsync();
        return inbox.Received;
    }
}
