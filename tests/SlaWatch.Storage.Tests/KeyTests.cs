using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

[Collection(AzuriteTests.Name)]
public class KeyTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("<a/b\\c#d?e%f@example.com>")]
    [InlineData("O'Brien's <id@example.com>")]
    [InlineData("tab\tand\u0001control\u007f\u0085chars")]
    [InlineData("引号'和/斜杠")]
    public async Task SourceIdsWithForbiddenCharactersAndQuotesWork(string sourceId)
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var created = await world.Main.Ingestion.IngestAsync(TestWorld.Email(sourceId, "2026-11-16 09:00"), "test");
        var reply = await world.Main.Ingestion.IngestAsync(
            TestWorld.Email(sourceId + "-reply", "2026-11-16 09:10", references: sourceId),
            "test"
        );
        var replyToReply = await world.Main.Ingestion.IngestAsync(
            TestWorld.Email(sourceId + "-again", "2026-11-16 09:20", references: sourceId + "-reply"),
            "test"
        );
        var duplicate = await world.Main.Ingestion.IngestAsync(TestWorld.Email(sourceId, "2026-11-16 09:00"), "test");

        Assert.Equal(IngestOutcome.Created, created.Outcome);
        Assert.Equal((IngestOutcome.Threaded, created.TicketId), (reply.Outcome, reply.TicketId));
        Assert.Equal((IngestOutcome.Threaded, created.TicketId), (replyToReply.Outcome, replyToReply.TicketId));
        Assert.Equal(IngestOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(created.TicketId, await world.Main.Index.FindBySourceAsync(Channel.Email, sourceId + "-reply"));
    }

    [Fact]
    public async Task QuarantineFiltersWithQuotesFindTheirRows()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var at = new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);
        await world.Main.Quarantine.PutAsync(new QuarantinedInput("O'Brien/partner#1", at, "test", "bad", "raw 1"));
        await world.Main.Quarantine.PutAsync(new QuarantinedInput("O'Brien", at, "test", "bad", "raw 2"));

        var kept = Assert.Single(await world.Main.Quarantine.ListAsync("O'Brien", new DateOnly(2026, 11, 16)));
        Assert.Equal("raw 2", kept.Raw);
        Assert.Equal(
            "raw 1",
            Assert.Single(await world.Main.Quarantine.ListAsync("O'Brien/partner#1", new DateOnly(2026, 11, 16))).Raw
        );
    }

    [Fact]
    public async Task ALargeQuarantinedInputKeepsItsHeadWholeAcrossRowsAndNamesTheRestBySizeAndHash()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var raw = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"第{i}行 line {i} 😀\n"));
        await world.Main.Quarantine.PutAsync(
            new QuarantinedInput("chat", world.Time.GetUtcNow(), "webhook", "json: not valid", raw)
        );

        var kept = Assert.Single(
            await world.Main.Quarantine.ListAsync("chat", DateOnly.FromDateTime(world.Time.GetUtcNow().UtcDateTime))
        );
        Assert.True(raw.Length > 900_000);
        // The head spans several rows of 30 000-character properties and comes back whole, surrogate pairs included.
        var head = kept.Raw[..kept.Raw.LastIndexOf("\n[not kept: ", StringComparison.Ordinal)];
        Assert.InRange(head.Length, QuarantinedInput.MaxKeptChars - 1, QuarantinedInput.MaxKeptChars);
        Assert.StartsWith(head, raw, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(head[^1]));
        var bytes = System.Text.Encoding.UTF8.GetBytes(raw);
        Assert.EndsWith(
            $"[not kept: {raw.Length - head.Length} more characters; the whole input was {bytes.Length} bytes, sha256 "
                + $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}]",
            kept.Raw,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void LongKeysStayShortAndDistinct()
    {
        var a = TableKeys.Encode(new string('x', 5000) + "a");
        var b = TableKeys.Encode(new string('x', 5000) + "b");
        Assert.True(a.Length <= 400);
        Assert.NotEqual(a, b);
        Assert.Equal("a%2Fb%5Cc%23d%3Fe%25f", TableKeys.Encode("a/b\\c#d?e%f"));
    }
}
