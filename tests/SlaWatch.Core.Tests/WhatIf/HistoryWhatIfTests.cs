using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.Core.WhatIf;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.WhatIf;

/// <summary>
/// A morning's stored chats tried under a draft that answers chats within 3 minutes instead of 5, against figures
/// worked out here from the reply times: which clock breaches under which policy, attainment, the tickets that
/// change; and nothing stored.
/// </summary>
public sealed class HistoryWhatIfTests : IAsyncDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 09:00"));

    /// <summary>The shipped policy with chats answered within <paramref name="chat"/>, as a lead would edit
    /// it.</summary>
    internal static SlaPolicy Draft(string version, string chat)
    {
        var text = File.ReadAllText(RepoRoot.Config("sla-policy.json"));
        var edited = text.Replace(
                "\"targets\": { \"firstResponse\": \"5m\" }",
                $"\"targets\": {{ \"firstResponse\": \"{chat}\" }}",
                StringComparison.Ordinal
            )
            .Replace(
                $"\"version\": \"{Shipped.Policy.Version}\"",
                $"\"version\": \"{version}\"",
                StringComparison.Ordinal
            );
        Assert.NotEqual(text, edited);
        return SlaPolicyLoader.Parse(RepoRoot.Config("draft.json"), edited);
    }

    private async Task<string> ChatAsync(string wall, int? answeredAfterMinutes)
    {
        _world.Time.SetUtcNow(Shipped.At(wall));
        var id = (await _world.Main.Ingestion.IngestAsync(TestContacts.Chat(wall), "test")).TicketId!;
        if (answeredAfterMinutes is { } minutes)
        {
            await _world.Main.Events.RecordAsync(
                id,
                new AgentResponse(Shipped.At(wall).AddMinutes(minutes), "客服A", null),
                "test"
            );
        }

        return id;
    }

    [Fact]
    public async Task ADraftThatAnswersChatsSoonerBreachesTheTicketsAnsweredBetweenItsTargetAndTheOldOne()
    {
        // Answered after 2, 4 and 7 minutes, and one not at all; an e-mail acknowledged in half an hour.
        await ChatAsync("2026-11-16 09:00", 2);
        var fourMinutes = await ChatAsync("2026-11-16 09:10", 4);
        await ChatAsync("2026-11-16 09:20", 7);
        await ChatAsync("2026-11-16 09:30", null);
        var mail = (
            await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m@x>", "2026-11-16 09:00"), "test")
        ).TicketId!;
        await _world.Main.Events.RecordAsync(
            mail,
            new Acknowledged(Shipped.At("2026-11-16 09:30"), "客服B", null),
            "test"
        );
        _world.Time.SetUtcNow(Shipped.At("2026-11-16 10:00"));

        var result = await _world
            .Main.Get<HistoryWhatIf>()
            .CompareAsync(ReportPeriod.Range(Day, Day), Draft("draft-3m", "3m"));

        // Worked out from the reply times: under 5 minutes the 2- and 4-minute replies are in time and the 7-minute
        // and missing ones late; under 3 minutes only the 2-minute one is in time.
        ComparisonRow Row(string dimension, string measure) =>
            result.Rows.Single(row => row.Dimension == dimension && row.Measure == measure);
        var attainment = Row("channel:chat", ComparisonRow.Attainment("firstResponse"));
        Assert.Equal((100.0 * 2 / 4, 100.0 * 1 / 4), (attainment.A, attainment.B));
        Assert.Equal(
            (2.0, 3.0),
            (Row("channel:chat", ComparisonRow.Breaches).A, Row("channel:chat", ComparisonRow.Breaches).B)
        );
        Assert.Equal(
            (1.0, 1.0),
            (Row("channel:email", ComparisonRow.Tickets).A, Row("channel:email", ComparisonRow.Tickets).B)
        );
        // The e-mail is urgent and unanswered at 10:00 (15 minutes): late under both, so it changes nothing.
        Assert.Equal(
            (1.0, 1.0),
            (Row("channel:email", ComparisonRow.Breaches).A, Row("channel:email", ComparisonRow.Breaches).B)
        );
        Assert.Equal(
            (5L, 1L, 0L, 1L),
            (result.Tickets, result.BreachesGained, result.BreachesLost, result.TicketsChanged)
        );
        var change = Assert.Single(result.Changes);
        var changed = await _world.Main.Store.LoadAsync(fourMinutes);
        Assert.Equal(changed!.Number.ToString(), change.Number);
        Assert.Equal(("chat", "1391234****"), (change.Channel, change.Customer));
        Assert.Empty(change.BreachedUnderA);
        Assert.Equal(["firstResponse"], change.BreachedUnderB);
        Assert.Equal((Shipped.Policy.Version, "draft-3m"), (result.PolicyA, result.PolicyB));

        // The other way round, the same tickets change the other way.
        var lenient = await _world
            .NewProcess(Draft("draft-3m", "3m"))
            .Get<HistoryWhatIf>()
            .CompareAsync(ReportPeriod.Range(Day, Day), Shipped.Policy);
        Assert.Equal((0L, 1L, 1L), (lenient.BreachesGained, lenient.BreachesLost, lenient.TicketsChanged));

        // A read: no day was stored.
        Assert.Null(await _world.Main.Aggregates.ReadDayAsync(Day));
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
