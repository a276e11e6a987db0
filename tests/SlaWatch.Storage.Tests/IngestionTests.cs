using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
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
        foreach (var entry in day.Take(50))
        {
            var ticket = (await world.Main.Store.LoadAsync(entry.TicketId))!;
            Assert.Single(ticket.Events);
            Assert.Equal(entry.Number, ticket.Number);
        }
    }
}
