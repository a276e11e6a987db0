using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>
/// "The same caller again": a contact with a repeat key continues that key's ticket while it is open and was last heard
/// from within the window; otherwise it opens a ticket of its own. Automatic messages never continue a ticket.
/// </summary>
public sealed class RepeatCallerTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 18:00"));

    private static InboundContact Call(string id, string wall, string caller = "13912341522", int windowHours = 2) =>
        new()
        {
            Channel = Channel.Phone,
            SourceId = id,
            ReceivedAt = Shipped.At(wall),
            From = caller,
            Text = "来电",
            RepeatKey = CustomerRef.FromContact(caller).Key,
            RepeatWindow = TimeSpan.FromHours(windowHours),
        };

    private Task<IngestResult> IngestAsync(InboundContact contact) =>
        _world.Main.Ingestion.IngestAsync(contact, "test");

    [Fact]
    public async Task ACallWithinTheWindowContinuesTheCallersOpenTicket()
    {
        var first = await IngestAsync(Call("call-1", "2026-11-16 09:00"));
        var again = await IngestAsync(Call("call-2", "2026-11-16 10:59"));
        var other = await IngestAsync(Call("call-3", "2026-11-16 11:00", caller: "13800138000"));

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal((IngestOutcome.Threaded, first.TicketId), (again.Outcome, again.TicketId));
        Assert.Equal(IngestOutcome.Created, other.Outcome);
        var ticket = (await _world.Main.Store.LoadAsync(first.TicketId!))!;
        Assert.Equal(["Received", "CustomerMessage"], ticket.Events.Select(item => item.GetType().Name));
        Assert.Equal(("call-2", "来电"), (ticket.Events[1].SourceRef, ((CustomerMessage)ticket.Events[1]).Excerpt));
    }

    [Fact]
    public async Task TheWindowCountsFromTheLastTimeTheCallerWasHeard()
    {
        var first = await IngestAsync(Call("call-1", "2026-11-16 09:00"));
        await IngestAsync(Call("call-2", "2026-11-16 10:30"));
        var third = await IngestAsync(Call("call-3", "2026-11-16 12:30"));
        var late = await IngestAsync(Call("call-4", "2026-11-16 14:31"));

        Assert.Equal((IngestOutcome.Threaded, first.TicketId), (third.Outcome, third.TicketId));
        Assert.Equal(IngestOutcome.Created, late.Outcome);
        Assert.NotEqual(first.TicketId, late.TicketId);
    }

    [Fact]
    public async Task AResolvedTicketOrAZeroWindowOpensANewTicket()
    {
        var first = await IngestAsync(Call("call-1", "2026-11-16 09:00"));
        await _world.Main.Events.RecordAsync(
            first.TicketId!,
            new StatusChanged(Shipped.At("2026-11-16 09:10"), "客服A", null, TicketStatus.Resolved),
            "test"
        );
        var afterResolution = await IngestAsync(Call("call-2", "2026-11-16 09:20"));
        var noWindow = await IngestAsync(Call("call-3", "2026-11-16 09:21", windowHours: 0));

        Assert.Equal(IngestOutcome.Created, afterResolution.Outcome);
        Assert.NotEqual(first.TicketId, afterResolution.TicketId);
        Assert.Equal(IngestOutcome.Created, noWindow.Outcome);
        Assert.NotEqual(afterResolution.TicketId, noWindow.TicketId);
    }

    [Fact]
    public async Task TheSameCallTwiceIsADuplicateNotARepeat()
    {
        var first = await IngestAsync(Call("call-1", "2026-11-16 09:00"));
        var again = await IngestAsync(Call("call-1", "2026-11-16 09:00"));

        Assert.Equal((IngestOutcome.Duplicate, first.TicketId), (again.Outcome, again.TicketId));
        Assert.True(await _world.Main.Ingestion.HasTicketAsync(Call("call-1", "2026-11-16 09:00")));
        Assert.False(await _world.Main.Ingestion.HasTicketAsync(Call("call-9", "2026-11-16 09:00")));
        Assert.Single((await _world.Main.Store.LoadAsync(first.TicketId!))!.Events);
    }

    [Fact]
    public async Task AnAutomaticMessageAboutAnOpenTicketIsIgnoredAndOneAboutNothingOpensATicket()
    {
        var first = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");
        var bounce = await _world.Main.Ingestion.IngestAsync(
            TestContacts.Email(
                "<bounce@x>",
                "2026-11-16 09:05",
                "Re: 无法登录",
                "mailer-daemon@example.com",
                "<m1@x>"
            ) with
            {
                Automatic = true,
            },
            "test"
        );
        var alone = await _world.Main.Ingestion.IngestAsync(
            TestContacts.Email("<auto@x>", "2026-11-16 09:06", "自动回复", "noreply@example.com") with
            {
                Automatic = true,
            },
            "test"
        );

        Assert.Equal(
            new IngestResult(IngestOutcome.Ignored, first.TicketId, null, "automatic message about an existing ticket"),
            bounce
        );
        Assert.Single((await _world.Main.Store.LoadAsync(first.TicketId!))!.Events);
        Assert.Equal(IngestOutcome.Created, alone.Outcome);
    }

    [Fact]
    public async Task AReplyThreadsByItsReferencesAndOneAnsweringNothingIsNotFound()
    {
        var first = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");
        var answered = await _world.Main.Events.RecordReplyAsync(
            Channel.Email,
            ["<m1@x>"],
            "Re: 无法登录",
            new AgentResponse(Shipped.At("2026-11-16 09:20"), "客服A", "<reply@x>"),
            "test"
        );
        var orphan = await _world.Main.Events.RecordReplyAsync(
            Channel.Email,
            ["<nothing@x>"],
            "Re: 你好",
            new AgentResponse(Shipped.At("2026-11-16 09:21"), "客服A", "<reply-2@x>"),
            "test"
        );

        Assert.Equal((RecordOutcome.Recorded, first.TicketId), (answered.Outcome, answered.TicketId));
        Assert.Equal(new RecordResult(RecordOutcome.NotFound, null, null, "answers no ticket"), orphan);
    }

    [Fact]
    public async Task TryRecordAnswersNotFoundAndKeepsNothingWhenTheTicketIsNotThereYet()
    {
        var early = await _world.Main.Events.TryRecordAsync(
            "20261116-001",
            new AgentResponse(Shipped.At("2026-11-16 09:20"), "客服A", "r1"),
            "queue"
        );
        Assert.Equal(RecordOutcome.NotFound, early.Outcome);
        Assert.Null(early.QuarantineId);
        Assert.Empty(await _world.Main.Quarantine.ListAsync("events", new DateOnly(2026, 11, 16)));

        var refused = await _world.Main.Events.TryRecordAsync(
            "20261116-001",
            new AgentResponse(Shipped.At("2026-11-17 09:20"), "客服A", "r2"),
            "queue",
            raw: "{raw}"
        );
        Assert.Equal(RecordOutcome.Rejected, refused.Outcome);
        var kept = Assert.Single(await _world.Main.Quarantine.ListAsync("events", new DateOnly(2026, 11, 16)));
        Assert.Equal(("{raw}", "queue", refused.Reason), (kept.Raw, kept.Origin, kept.Reason));

        await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");
        var later = await _world.Main.Events.TryRecordAsync(
            "20261116-001",
            new AgentResponse(Shipped.At("2026-11-16 09:20"), "客服A", "r1"),
            "queue"
        );
        Assert.Equal(RecordOutcome.Recorded, later.Outcome);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
