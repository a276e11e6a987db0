using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>A stored day keeps the policy version it was computed under when it is computed again.</summary>
[Collection(AzuriteTests.Name)]
public sealed class StoredPolicyTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    // A stricter version: every first response within one minute.
    private static readonly SlaPolicy Stricter = SlaPolicyLoader.Parse(
        Path.Combine(RepoRoot.Path, "config", "stricter.json"),
        """
        {
          "version": "2026.12-stricter",
          "timeZone": "Asia/Shanghai",
          "calendars": { "24x7": "calendars/24x7.json" },
          "defaults": { "calendar": "24x7" },
          "rules": [ { "name": "all", "targets": { "firstResponse": "1m" } } ]
        }
        """
    );

    private static async Task SeedAsync(TestProcess services)
    {
        await services.Ingestion.IngestAsync(TestWorld.Email("<p1@x>", "2026-11-16 09:00"), "test");
        await services.Events.RecordAsync(
            "20261116-001",
            new AgentResponse(TestWorld.Shanghai("2026-11-16 09:10"), "客服A", "r1"),
            "test"
        );
    }

    [Fact]
    public async Task APastDayIsComputedAgainUnderItsOwnVersionUnlessTheNewOneIsNamed()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-17 01:00"));
        await SeedAsync(world.Main);
        var first = await world.Main.Reports.RunDayAsync(Day);
        Assert.Equal(
            (Shipped.Policy.Version, 100.0),
            (first.PolicyVersion, first.All.Attainment["firstResponse"].Percent!.Value)
        );

        // A process on the stricter policy, with the old version in its archive, re-runs the day: it stays under
        // 2026.11.
        var archived = world.NewProcess(Stricter, new PolicyArchive([Shipped.Policy]));
        var again = await archived.Reports.RunDayAsync(Day);
        Assert.Equal(
            (Shipped.Policy.Version, 100.0),
            (again.PolicyVersion, again.All.Attainment["firstResponse"].Percent!.Value)
        );

        // Without the old version at hand it refuses; named explicitly, the new version replaces it.
        var bare = world.NewProcess(Stricter, PolicyArchive.Empty);
        var refused = await Assert.ThrowsAsync<StoredPolicyException>(() => bare.Reports.RunDayAsync(Day));
        Assert.Contains($"computed under policy {Shipped.Policy.Version}", refused.Message, StringComparison.Ordinal);
        var replaced = await bare.Reports.RunDayAsync(Day, underThisPolicy: true);
        Assert.Equal(
            ("2026.12-stricter", 0.0),
            (replaced.PolicyVersion, replaced.All.Attainment["firstResponse"].Percent!.Value)
        );
        Assert.Equal("2026.12-stricter", (await world.Main.Aggregates.ReadDayAsync(Day))!.PolicyVersion);
    }
}
