using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

[Collection(AzuriteTests.Name)]
public sealed class LedgerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SeveralClaimsOfOneTicketTakeOneRequestAndWhatAnotherScannerClaimedStaysTheirs()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var ledger = world.Main.Ledger;
        var other = world.NewProcess().Ledger;
        await ledger.TryClaimAsync("t-warm", "warm-up");
        var requests = world.Main.Get<TableStorage>().Requests;

        var before = requests.Count;
        var all = await ledger.TryClaimAllAsync(
            "t1",
            ["warning|firstResponse", "breach|firstResponse", "escalation|firstResponse|3"]
        );
        var oneRequest = requests.Count - before;
        Assert.True(await other.TryClaimAsync("t2", "breach|firstResponse"));
        var some = await ledger.TryClaimAllAsync("t2", ["warning|firstResponse", "breach|firstResponse"]);
        var again = await other.TryClaimAllAsync(
            "t1",
            ["warning|firstResponse", "breach|firstResponse", "escalation|firstResponse|3"]
        );

        Assert.Equal(3, all.Count);
        Assert.Equal(1, oneRequest);
        Assert.Equal(["warning|firstResponse"], some);
        Assert.Empty(again);
    }
}
