using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// A contact created with the events that followed it (a sheet row) ends exactly as the contact ingested and its
/// events then recorded one write at a time: the ticket, its wake-up, the open set, every day's entries and
/// summaries, and what a re-import adds (nothing). In fewer requests.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class FollowedContactTests(AzuriteFixture azurite)
{
    private static DateTimeOffset At(string wall) => TestWorld.Shanghai(wall);

    // Resolved and rated the same day; answered and left open; answered the next day and resolved the day after;
    // not answered at all; a reply stamped before its arrival (kept at the arrival); one refused event (a rating
    // outside its scale) beside accepted ones.
    private static readonly (string Id, string Arrived, TicketEvent[] Events)[] Rows =
    [
        (
            "<r1@x>",
            "2026-11-16 09:00",
            [
                new AgentResponse(At("2026-11-16 09:20"), "客服A", null),
                new StatusChanged(At("2026-11-16 11:00"), "客服A", null, TicketStatus.Resolved, "已重置密码"),
                new SatisfactionRated(At("2026-11-16 11:30"), "customer", null, 5, 5),
            ]
        ),
        ("<r2@x>", "2026-11-16 10:00", [new AgentResponse(At("2026-11-16 10:05"), "客服B", null)]),
        (
            "<r3@x>",
            "2026-11-16 17:00",
            [
                new AgentResponse(At("2026-11-17 09:10"), "客服A", null),
                new StatusChanged(At("2026-11-18 15:00"), "客服A", null, TicketStatus.Resolved, "换货完成"),
            ]
        ),
        ("<r4@x>", "2026-11-16 12:00", []),
        ("<r5@x>", "2026-11-16 13:00", [new AgentResponse(At("2026-11-16 12:50"), "客服B", null)]),
        (
            "<r6@x>",
            "2026-11-16 14:00",
            [
                new AgentResponse(At("2026-11-16 14:30"), "客服B", null),
                new SatisfactionRated(At("2026-11-16 15:00"), "customer", null, 9, 5),
            ]
        ),
    ];

    [Fact]
    public async Task ATicketCreatedWithItsEventsEqualsOneBuiltEventByEventInFewerRequests()
    {
        await using var together = new TestWorld(azurite.ConnectionString, At("2026-11-19 08:00"));
        await using var apart = new TestWorld(azurite.ConnectionString, At("2026-11-19 08:00"));
        var followed = together.Main.Get<FollowedContactIngestion>();
        // Each world's tables made and its serial block drawn before counting.
        AgentResponse[] warm = [new(At("2026-11-16 08:10"), "客服A", null)];
        await followed.IngestAsync(TestWorld.Email("<warm@x>", "2026-11-16 08:00"), warm, "sheet");
        await apart.Main.Events.RecordAllAsync(
            (
                await apart.Main.Ingestion.IngestAsync(TestWorld.Email("<warm@x>", "2026-11-16 08:00"), "sheet")
            ).TicketId!,
            warm,
            "sheet"
        );
        var (togetherRequests, apartRequests) = (
            together.Main.Get<TableStorage>().Requests,
            apart.Main.Get<TableStorage>().Requests
        );
        var (togetherBefore, apartBefore) = (togetherRequests.Count, apartRequests.Count);

        // The new tickets held back and written together with their day entries, as an import writes them.
        var held = new HeldWrites();
        var landings = new List<Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)>>();
        foreach (var (id, arrived, events) in Rows)
        {
            landings.Add(await followed.HoldAsync(TestWorld.Email(id, arrived), events, "sheet", null, held));
        }

        Assert.All(landings, landing => Assert.False(landing.IsCompleted));
        await followed.FlushAsync(held);
        foreach (var ((id, arrived, events), landing) in Rows.Zip(landings))
        {
            var (created, recorded) = await landing;
            var one = await apart.Main.Ingestion.IngestAsync(TestWorld.Email(id, arrived), "sheet");
            var each = events.Length == 0 ? [] : await apart.Main.Events.RecordAllAsync(one.TicketId!, events, "sheet");

            Assert.Equal((IngestOutcome.Created, one.Number), (created.Outcome, created.Number));
            Assert.Equal(each.Select(item => item.Outcome), recorded.Select(item => item.Outcome));
        }

        var (togetherCost, apartCost) = (togetherRequests.Count - togetherBefore, apartRequests.Count - apartBefore);
        await AssertSameAsync(together.Main, apart.Main);

        // Six rows: with their events in the create, one to three requests a row and the held day entries (a
        // transaction a day shard); event by event, about twice that.
        Assert.True(
            togetherCost is >= 12 and <= 26,
            $"{togetherCost} requests: "
                + string.Join(", ", togetherRequests.Breakdown.Select(kind => $"{kind.Kind} {kind.Count}"))
        );
        Assert.True(togetherCost * 1.6 < apartCost, $"{togetherCost} requests together, {apartCost} apart");

        // Imported again, held as the first time: each ticket found written, nothing new, each event a duplicate.
        var again = new HeldWrites();
        landings.Clear();
        foreach (var (id, arrived, events) in Rows)
        {
            landings.Add(await followed.HoldAsync(TestWorld.Email(id, arrived), events, "sheet", null, again));
        }

        await followed.FlushAsync(again);
        foreach (var landing in landings)
        {
            var (contact, recorded) = await landing;
            Assert.Equal(IngestOutcome.Duplicate, contact.Outcome);
            Assert.DoesNotContain(recorded, item => item.Outcome == RecordOutcome.Recorded);
        }

        await AssertSameAsync(together.Main, apart.Main);
    }

    private static async Task AssertSameAsync(TestProcess together, TestProcess apart)
    {
        foreach (var (id, _, _) in Rows)
        {
            var ticketId = (await together.Index.FindBySourceAsync(Core.Policies.Channel.Email, id))
                ?? TicketIds.ForContact(TestWorld.Email(id, "2026-11-16 09:00"));
            var (a, b) = ((await together.Store.LoadAsync(ticketId))!, (await apart.Store.LoadAsync(ticketId))!);
            Assert.Equal(b.Number, a.Number);
            Assert.Equal(Describe(b.Events), Describe(a.Events));
            Assert.Equal(b.State with { }, a.State with { });
            Assert.Equal(b.Index, a.Index);
        }

        Assert.Equal(await together.Index.ReadOpenAsync(), await apart.Index.ReadOpenAsync());
        Assert.Equal(
            await apart.Index.ReadDueAsync("202611150000", "202612312359"),
            await together.Index.ReadDueAsync("202611150000", "202612312359")
        );
        foreach (
            var day in new[] { new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 18) }
        )
        {
            Assert.Equal(await apart.Index.ReadDayAsync(day), await together.Index.ReadDayAsync(day));
            Assert.Equal(
                (await apart.Index.ReadDaySummariesAsync(day)).Select(ticket => (ticket.Id, Describe(ticket.Events))),
                (await together.Index.ReadDaySummariesAsync(day)).Select(ticket => (ticket.Id, Describe(ticket.Events)))
            );
        }
    }

    // Events compared by what they say, not when they were recorded (the two worlds' clocks are the same; a record's
    // RecordedAt is its write's).
    private static string Describe(IEnumerable<TicketEvent> events) =>
        string.Join('\n', events.Select(item => (item with { RecordedAt = null }).ToString()));
}
