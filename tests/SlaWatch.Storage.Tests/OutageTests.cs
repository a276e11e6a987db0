using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>A dedicated Azurite with data on disk, stopped in the middle of a run and started again.</summary>
public class OutageTests
{
    [Fact]
    public async Task AfterAnOutageARerunCompletesWithNoDuplicatesAndNothingLost()
    {
        await using var azurite = await AzuriteProcess.StartAsync(persistent: true);
        await using var world = new TestWorld(azurite.ConnectionString);
        var options = StorageOptions.FromConnection(azurite.ConnectionString, world.Prefix) with
        {
            MaxRetries = 2,
            NetworkTimeout = TimeSpan.FromSeconds(2),
        };
        var contacts = Enumerable
            .Range(0, 40)
            .Select(i => TestWorld.Email($"<outage-{i}@x>", "2026-11-16 09:00"))
            .ToArray();

        var first = world.NewProcess(options);
        for (var i = 0; i < 20; i++)
        {
            await first.Ingestion.IngestAsync(contacts[i], "run 1");
        }

        await azurite.StopAsync();
        // Bounded retries give up; the wait only catches a hang (three attempts take seconds).
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            first.Ingestion.IngestAsync(contacts[20], "run 1").WaitAsync(TimeSpan.FromMinutes(2))
        );
        Assert.Contains($"127.0.0.1:{azurite.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer after 3 attempts", error.Message, StringComparison.Ordinal);

        await azurite.StartAgainAsync();
        var second = world.NewProcess(options);
        var results = new List<IngestResult>();
        foreach (var contact in contacts)
        {
            results.Add(await second.Ingestion.IngestAsync(contact, "run 2"));
        }

        Assert.Equal(20, results.Count(result => result.Outcome == IngestOutcome.Duplicate));
        Assert.Equal(20, results.Count(result => result.Outcome == IngestOutcome.Created));
        var day = await second.Index.ReadDayAsync(new DateOnly(2026, 11, 16));
        Assert.Equal(40, day.Count);
        Assert.Equal(40, day.Select(entry => entry.Number).Distinct().Count());
        foreach (var entry in day)
        {
            Assert.Single((await second.Store.LoadAsync(entry.TicketId))!.Events);
        }
    }
}
