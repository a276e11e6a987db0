using System.Text.Json;
using Azure.Data.Tables;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// A day's report from its TicketsByDay partition: the same figures as loading every ticket, for a handful of
/// requests instead of one per ticket; the newest summary wins whatever order writes land in; a ticket without one
/// (too long, written before summaries) is loaded.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DaySummaryTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    [Fact]
    public async Task ADayFromItsSummariesHasTheFiguresOfEveryTicketLoadedForAFewRequests()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 08:00"));
        for (var i = 0; i < 40; i++)
        {
            world.Time.SetUtcNow(Shipped.At("2026-11-16 09:00").AddMinutes(i * 10));
            var id = (
                await world.Main.Ingestion.IngestAsync(
                    TestWorld.Email(
                        $"<s{i}@x>",
                        "2026-11-16 09:00",
                        i % 3 == 0 ? "无法登录" : "怎么改地址",
                        from: $"c{i % 7}@example.com"
                    ) with
                    {
                        ReceivedAt = Shipped.At("2026-11-16 09:00").AddMinutes(i * 10),
                    },
                    "test"
                )
            ).TicketId!;
            world.Time.SetUtcNow(world.Time.GetUtcNow().AddMinutes(9));
            await world.Main.Events.RecordAsync(
                id,
                new AgentResponse(world.Time.GetUtcNow().AddMinutes(-1), $"客服{i % 4}", $"r{i}"),
                "test"
            );
            if (i % 4 != 0)
            {
                await world.Main.Events.RecordAsync(
                    id,
                    new StatusChanged(world.Time.GetUtcNow(), "客服A", $"d{i}", TicketStatus.Resolved),
                    "test"
                );
                await world.Main.Events.RecordAsync(
                    id,
                    new SatisfactionRated(world.Time.GetUtcNow(), "customer", $"q{i}", 1 + (i % 5), 5),
                    "test"
                );
            }
        }

        world.Time.SetUtcNow(Shipped.At("2026-11-20 12:00"));
        var byPoint = new ReportService(
            world.Main.Store,
            world.Main.Index,
            world.Main.Aggregates,
            Shipped.Policy,
            world.Time
        )
        {
            ReadsSummaries = false,
        };
        var requests = world.Main.Get<TableStorage>().Requests;

        // The first run stores the day; the two measured runs replace it alike.
        await world.Main.Reports.RunDayAsync(Day);
        var before = requests.Count;
        var summarized = await world.Main.Reports.RunDayAsync(Day);
        var fromSummaries = requests.Count - before;
        before = requests.Count;
        var loaded = await byPoint.RunDayAsync(Day);
        var fromTickets = requests.Count - before;

        Assert.Equal(40, summarized.All.Received);
        Assert.Equal(JsonSerializer.Serialize(loaded.Figures), JsonSerializer.Serialize(summarized.Figures));
        Assert.Equal(JsonSerializer.Serialize(loaded.Exceptions), JsonSerializer.Serialize(summarized.Exceptions));
        // Loading reads each of the 40 tickets where the summaries come in one query per shard of the day (16); the
        // rest (the day's list, 31 days of repeat history — the window's 30 and one for a clock change —, each a query
        // per shard, the stored day read and replaced) is the same.
        Assert.Equal(40 - TableShards.Count, fromTickets - fromSummaries);
        Assert.InRange(fromSummaries, 33 * TableShards.Count, 33 * TableShards.Count + 8);
        // Each ticket's summaries: the arrival row's, and one row for its latest state (the ones between deleted).
        var rows = await RowsAsync(world, Day);
        Assert.Equal(40, rows.Count(row => !row.RowKey.StartsWith("s~", StringComparison.Ordinal)));
        Assert.Equal(40, rows.Count(row => row.RowKey.StartsWith("s~", StringComparison.Ordinal)));
        // The day's rows are spread over every shard by serial, and the number lookup finds each in its shard.
        Assert.Equal(
            TableShards.All.Select(shard => $"20261116-{shard:D2}"),
            rows.Select(row => row.PartitionKey).Distinct().Order(StringComparer.Ordinal)
        );
        Assert.NotNull(await world.Main.Index.FindByNumberAsync(new TicketNumber(Day, 37)));
    }

    [Theory]
    [InlineData("<s1@x>", 15)]
    [InlineData("t-1", 1)]
    [InlineData("工单", 15)]
    public void AShardIsTheSameInEveryProcessAndRelease(string text, int shard) =>
        Assert.Equal(shard, TableShards.Of(text));

    [Fact]
    public async Task TheNewestSummaryWinsWhateverOrderWritesLandInAndATicketWithoutOneIsLoaded()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 10:00"));
        var first = (
            await world.Main.Ingestion.IngestAsync(TestWorld.Email("<n1@x>", "2026-11-16 09:00"), "test")
        ).TicketId!;
        var second = (
            await world.Main.Ingestion.IngestAsync(
                TestWorld.Email("<n2@x>", "2026-11-16 09:05", from: "b@example.com"),
                "test"
            )
        ).TicketId!;
        await world.Main.Events.RecordAsync(
            first,
            new AgentResponse(Shipped.At("2026-11-16 09:10"), "客服A", "r1"),
            "test"
        );
        await world.Main.Events.RecordAsync(
            first,
            new StatusChanged(Shipped.At("2026-11-16 09:20"), "客服A", "d1", TicketStatus.Resolved),
            "test"
        );
        var newest = (await world.Main.Store.LoadAsync(first))!;

        // A writer that was slow puts its older summary (two events) after the newest (three).
        var older = newest with { Events = [.. newest.Events.Take(2)] };
        await world.Main.Index.SummarizeAsync(older, previousEventCount: 1);
        var summaries = (await world.Main.Index.ReadDaySummariesAsync(Day)).ToDictionary(ticket => ticket.Id);
        Assert.Equal(3, summaries[first].Events.Count);
        Assert.Equal(TicketStatus.Resolved, summaries[first].State.Status);
        Assert.Single(summaries[second].Events);

        // The second ticket's summary lost (written before summaries): the report loads it and counts it.
        var table = await world.Main.Get<TableStorage>().TableAsync(TableStorage.TicketsByDay);
        var arrival = (await table.GetEntityAsync<TableEntity>(TableShards.Key("20261116", 2), "20261116-002")).Value;
        foreach (var key in arrival.Keys.Where(key => key.StartsWith("Summary", StringComparison.Ordinal)).ToArray())
        {
            arrival.Remove(key);
        }

        await table.UpsertEntityAsync(arrival, TableUpdateMode.Replace);
        Assert.DoesNotContain(second, (await world.Main.Index.ReadDaySummariesAsync(Day)).Select(ticket => ticket.Id));
        var report = await world.Main.Reports.RunDayAsync(Day);
        Assert.Equal((2, 1), (report.All.Received, report.All.Resolved));
    }

    [Fact]
    public async Task ATicketTooLongForASummaryRowIsLoadedNotReadFromAnOlderSummary()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 10:00"));
        var id = (
            await world.Main.Ingestion.IngestAsync(TestWorld.Email("<long@x>", "2026-11-16 09:00"), "test")
        ).TicketId!;
        // A long conversation: 120 customer messages of 4 000 characters each (the excerpt keeps 1 000).
        for (var i = 0; i < 120; i++)
        {
            var message = TestWorld.Email(
                $"<long-{i}@x>",
                "2026-11-16 09:00",
                "Re: 无法登录",
                references: "<long@x>"
            ) with
            {
                ReceivedAt = Shipped.At("2026-11-16 09:01").AddSeconds(i),
                Text = new string('长', 4_000) + i,
            };
            Assert.Equal(IngestOutcome.Threaded, (await world.Main.Ingestion.IngestAsync(message, "test")).Outcome);
        }

        await world.Main.Events.RecordAsync(
            id,
            new StatusChanged(Shipped.At("2026-11-16 09:30"), "客服A", "done", TicketStatus.Resolved),
            "test"
        );

        Assert.DoesNotContain(id, (await world.Main.Index.ReadDaySummariesAsync(Day)).Select(ticket => ticket.Id));
        var report = await world.Main.Reports.RunDayAsync(Day);
        Assert.Equal((1, 1), (report.All.Received, report.All.Resolved));
    }

    private static async Task<List<TableEntity>> RowsAsync(TestWorld world, DateOnly day)
    {
        var table = await world.Main.Get<TableStorage>().TableAsync(TableStorage.TicketsByDay);
        var rows = new List<TableEntity>();
        foreach (var shard in TableShards.All)
        {
            var key = TableShards.Key(
                day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
                shard
            );
            await foreach (var row in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == key))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
