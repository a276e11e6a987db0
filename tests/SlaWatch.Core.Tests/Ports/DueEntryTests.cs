using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Ports;

public class DueEntryTests
{
    [Fact]
    public void AnEntryLivesInItsUtcMinuteUnderItsTicketMetricAndKind()
    {
        var entry = new DueEntry(
            "t-1",
            new DateTimeOffset(2026, 11, 16, 9, 35, 59, TimeSpan.FromHours(8)),
            SlaMetric.FirstResponse,
            "escalation-3"
        );

        Assert.Equal("202611160135", entry.Bucket);
        Assert.Equal("t-1|firstResponse|escalation-3", entry.Slot);
        Assert.Equal("202611160135/t-1|firstResponse|escalation-3", entry.Key);
        Assert.True(string.CompareOrdinal(entry.Bucket, DueEntry.LastBucket) < 0);
    }

    [Fact]
    public void TwoEntriesAreOneRowExactlyWhenTheirKeysAreEqual()
    {
        var at = new DateTimeOffset(2026, 11, 16, 9, 35, 0, TimeSpan.FromHours(8));
        var entry = new DueEntry("t-1", at, SlaMetric.FirstResponse, "breach");
        DueEntry?[] others =
        [
            entry with
            {
                At = at.AddSeconds(59),
            },
            entry with
            {
                At = at.AddSeconds(60),
            },
            entry with
            {
                At = at.AddTicks(-1),
            },
            entry with
            {
                At = at.ToOffset(TimeSpan.Zero),
            },
            entry with
            {
                TicketId = "t-2",
            },
            entry with
            {
                Metric = SlaMetric.Resolution,
            },
            entry with
            {
                Kind = "warning",
            },
            null,
        ];

        Assert.Equal(
            [true, false, false, true, false, false, false, false],
            others.Select(other => DueEntry.SameRow(entry, other))
        );
        Assert.All(others, other => Assert.Equal(entry.Key == other?.Key, DueEntry.SameRow(other, entry)));
        Assert.True(DueEntry.SameRow(null, null));
    }

    [Fact]
    public void ADaySummaryKeepsEveryEventButTheScannersEscalations()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.False(DaySummaries.Keeps(new Escalated(at, "scanner", null, SlaMetric.FirstResponse, 1)));
        Assert.True(DaySummaries.Keeps(new AgentResponse(at, "a", null)));
        Assert.True(DaySummaries.Keeps(new OverdueReason(at, "a", null, "r")));
    }

    [Fact]
    public void AConflictNamesTheTicket() =>
        Assert.Equal("Ticket t-9 changed while it was being written.", new TicketConflictException("t-9").Message);
}
