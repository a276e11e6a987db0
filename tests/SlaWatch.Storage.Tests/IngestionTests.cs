using SlaWatch.Core;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>Ingestion under concurrent writers on Table Storage; the rest of ingestion is tested on the in-process
/// store in Core.</summary>
[Collection(AzuriteTests.Name)]
public class IngestionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EightIngestersSendingTheSame500ContactsMake500TicketsWith500Numbers()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var contacts = Enumerable
            .Range(0, 500)
            .Select(i =>
                TestWorld.Email($"<bulk-{i}@example.com>", "2026-11-16 08:00") with
                {
                    ReceivedAt = TestWorld.Shanghai("2026-11-16 08:00").AddSeconds(i),
                }
            )
            .ToArray();

        var results = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(worker =>
                    Task.Run(async () =>
                    {
                        await using var process = world.NewProcess();
                        var outcomes = new List<IngestResult>();
                        foreach (var contact in contacts.Skip(worker * 37).Concat(contacts.Take(worker * 37)))
                        {
                            outcomes.Add(await process.Ingestion.IngestAsync(contact, $"worker {worker}"));
                        }

                        return outcomes;
                    })
                )
        );

        var all = results.SelectMany(outcomes => outcomes).ToArray();
        Assert.Equal(500, all.Count(result => result.Outcome == IngestOutcome.Created));
        Assert.Equal(3500, all.Count(result => result.Outcome == IngestOutcome.Duplicate));
        Assert.Equal(500, all.Select(result => result.TicketId).Distinct().Count());

        var day = await world.Main.Index.ReadDayAsync(new DateOnly(2026, 11, 16));
        Assert.Equal(500, day.Count);
        Assert.Equal(500, day.Select(entry => entry.Number).Distinct().Count());
        Assert.Equal(500, day.Select(entry => entry.TicketId).Distinct().Count());
        foreach (var entry in day)
        {
            var ticket = (await world.Main.Store.LoadAsync(entry.TicketId))!;
            Assert.Single(ticket.Events);
            Assert.Equal(entry.Number, ticket.Number);
        }

        // Every losing create wrote its day entry ahead of the ticket and took it back: no row is left over.
        var rows = await world.Main.Index.ReadDayChangesAsync(new DateOnly(2026, 11, 16), since: null);
        Assert.Equal(500, rows.Entries.Count);
    }

    /// <summary>
    /// A mail's day entry goes ahead of its ticket: a process that dies before the ticket leaves a row under a number
    /// no ticket has. The mail's next run writes the ticket under another; the day's list and its summaries give the
    /// ticket once, under that number, and the day counts it once.
    /// </summary>
    [Fact]
    public async Task ADayEntryLeftAheadOfATicketNeverWrittenGivesWayToTheNumberTheNextRunWrites()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var day = new DateOnly(2026, 11, 16);
        var mail = TestWorld.Email("<ahead@example.com>", "2026-11-16 08:00");
        await using (
            var dying = world.NewProcess(more: services =>
                services.Decorate<ITicketStore>(
                    (inner, _) => CrashOnce.Around(inner, nameof(ITicketStore.TryCreateAsync))
                )
            )
        )
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.Ingestion.IngestAsync(mail, "run 1"));
        }

        var ahead = Assert.Single((await world.Main.Index.ReadDayChangesAsync(day, since: null)).Entries);

        var rerun = await world.Main.Ingestion.IngestAsync(mail, "run 2");

        Assert.Equal(IngestOutcome.Created, rerun.Outcome);
        Assert.NotEqual(ahead.Number, rerun.Number);
        Assert.Equal(2, (await world.Main.Index.ReadDayChangesAsync(day, since: null)).Entries.Count);
        var entry = Assert.Single(await world.Main.Index.ReadDayAsync(day));
        Assert.Equal(rerun.Number, entry.Number);
        var summary = Assert.Single(await world.Main.Index.ReadDaySummariesAsync(day));
        Assert.Equal((rerun.TicketId, rerun.Number), (summary.Id, (TicketNumber?)summary.Number));
        Assert.Equal(1, (await world.Main.Reports.RunDayAsync(day)).All.Received);
    }
}
