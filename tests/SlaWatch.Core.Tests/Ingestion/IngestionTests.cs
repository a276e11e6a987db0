using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>Ingestion on the in-process store (the contract suite holds it to Table Storage's behaviour).</summary>
public class IngestionTests
{
    [Fact]
    public async Task TheSameContactTwiceMakesOneTicketAndOneEvent()
    {
        await using var world = new MemoryWorld();
        var contact = TestContacts.Email("<same@example.com>", "2026-11-16 09:30");

        var first = await world.Main.Ingestion.IngestAsync(contact, "test");
        var second = await world.Main.Ingestion.IngestAsync(contact, "test");

        Assert.Equal(IngestOutcome.Created, first.Outcome);
        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.TicketId, second.TicketId);
        Assert.Equal("20261116-001", first.Number.ToString());
        Assert.Single((await world.Main.Store.LoadAsync(first.TicketId!))!.Events);
        Assert.Single(await world.Main.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));
    }

    [Fact]
    public async Task RepliesThreadByReferenceByOurAcknowledgementAndByTheNumberInTheSubject()
    {
        await using var world = new MemoryWorld();
        var ingestion = world.Main.Ingestion;
        var created = await ingestion.IngestAsync(TestContacts.Email("<orig@example.com>", "2026-11-16 09:30"), "test");
        await world.Main.Events.RecordAsync(
            created.Number.ToString()!,
            new Acknowledged(Shipped.At("2026-11-16 09:31"), "system", "<ack-1@support.example>"),
            "test"
        );

        var byOriginal = await ingestion.IngestAsync(
            TestContacts.Email(
                "<r1@example.com>",
                "2026-11-16 09:40",
                "Re: 无法登录",
                references: "<orig@example.com>"
            ),
            "test"
        );
        var byAcknowledgement = await ingestion.IngestAsync(
            TestContacts.Email(
                "<r2@example.com>",
                "2026-11-16 09:50",
                "Re: 收到",
                references: ["<unknown@x>", "<ack-1@support.example>"]
            ),
            "test"
        );
        var bySubject = await ingestion.IngestAsync(
            TestContacts.Email("<r3@example.com>", "2026-11-16 10:00", $"Re: [#{created.Number}] 无法登录"),
            "test"
        );
        var byReply = await ingestion.IngestAsync(
            TestContacts.Email("<r4@example.com>", "2026-11-16 10:10", "Re: Re:", references: "<r3@example.com>"),
            "test"
        );
        var unrelated = await ingestion.IngestAsync(
            TestContacts.Email("<new@example.com>", "2026-11-16 10:20", "另一个问题"),
            "test"
        );

        Assert.All(new[] { byOriginal, byAcknowledgement, bySubject, byReply }, result =>
        {
            Assert.Equal(IngestOutcome.Threaded, result.Outcome);
            Assert.Equal(created.TicketId, result.TicketId);
        });
        Assert.Equal(IngestOutcome.Created, unrelated.Outcome);
        Assert.Equal("20261116-002", unrelated.Number.ToString());
        var ticket = (await world.Main.Store.LoadAsync(created.TicketId!))!;
        Assert.Equal(4, ticket.Events.OfType<CustomerMessage>().Count());
    }

    [Fact]
    public async Task AMessageOnAResolvedTicketReopensIt()
    {
        await using var world = new MemoryWorld();
        var created = await world.Main.Ingestion.IngestAsync(TestContacts.Email("<o@x>", "2026-11-16 09:00"), "test");
        await world.Main.Events.RecordAsync(
            created.TicketId!,
            new StatusChanged(Shipped.At("2026-11-16 10:00"), "客服A", null, TicketStatus.Resolved, "重置密码"),
            "test"
        );

        var again = await world.Main.Ingestion.IngestAsync(
            TestContacts.Email("<again@x>", "2026-11-16 11:00", references: "<o@x>"),
            "test"
        );

        Assert.Equal(IngestOutcome.Threaded, again.Outcome);
        var ticket = (await world.Main.Store.LoadAsync(created.TicketId!))!.State;
        Assert.Equal((TicketStatus.Open, 1, "重置密码"), (ticket.Status, ticket.ReopenCount, ticket.Solution));
    }

    [Fact]
    public async Task ChatMessagesOfOneConversationShareATicket()
    {
        await using var world = new MemoryWorld();
        InboundContact Chat(string id, string wall) =>
            new()
            {
                Channel = Channel.Chat,
                SourceId = id,
                ThreadKey = "conversation-42",
                ReceivedAt = Shipped.At(wall),
                From = "visitor-7",
                Text = "我的快递到哪了",
            };

        var first = await world.Main.Ingestion.IngestAsync(Chat("msg-1", "2026-11-16 10:00"), "test");
        var second = await world.Main.Ingestion.IngestAsync(Chat("msg-2", "2026-11-16 10:01"), "test");
        var repeat = await world.Main.Ingestion.IngestAsync(Chat("msg-2", "2026-11-16 10:01"), "test");

        Assert.Equal(
            (IngestOutcome.Created, IngestOutcome.Threaded, IngestOutcome.Duplicate),
            (first.Outcome, second.Outcome, repeat.Outcome)
        );
        Assert.Equal(first.TicketId, second.TicketId);
        var ticket = (await world.Main.Store.LoadAsync(first.TicketId!))!.State;
        Assert.Equal(("logistics-delay", Priority.Normal), (ticket.Category, ticket.Priority));
    }

    [Theory]
    [InlineData("无法登录", "technical-fault", Priority.Urgent)]
    [InlineData("我要退款", "refund", Priority.Normal)]
    [InlineData("物流三天没动", "logistics-delay", Priority.Normal)]
    [InlineData("建议增加导出功能", "suggestion", Priority.Suggestion)]
    [InlineData("How do I export a report?", "usage-question", Priority.Normal)]
    [InlineData("你好", "other", Priority.Normal)]
    public async Task ContactsAreClassifiedByTheBriefsKeywords(string subject, string category, Priority priority)
    {
        await using var world = new MemoryWorld();
        var created = await world.Main.Ingestion.IngestAsync(
            TestContacts.Email($"<{Guid.NewGuid()}@x>", "2026-11-16 09:00", subject) with
            {
                Text = null,
            },
            "test"
        );
        var ticket = (await world.Main.Store.LoadAsync(created.TicketId!))!.State;
        Assert.Equal((category, priority), (ticket.Category, ticket.Priority));
    }

    [Fact]
    public async Task AnInvalidContactIsRefusedWithItsReasonAndKeptInQuarantine()
    {
        await using var world = new MemoryWorld();
        var future = TestContacts.Email("<future@x>", "2026-11-16 09:00") with
        {
            ReceivedAt = world.Time.GetUtcNow().AddHours(2),
        };

        var result = await world.Main.Ingestion.IngestAsync(
            future,
            "mailbox poll",
            raw: "From: someone\r\nSubject: 无法登录\r\n\r\n..."
        );

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.StartsWith("receivedAt:", result.Reason, StringComparison.Ordinal);
        var kept = Assert.Single(
            await world.Main.Quarantine.ListAsync("email", DateOnly.FromDateTime(world.Time.GetUtcNow().UtcDateTime))
        );
        Assert.Equal(
            (result.QuarantineId, "mailbox poll", "From: someone\r\nSubject: 无法登录\r\n\r\n..."),
            (kept.Id, kept.Origin, kept.Raw)
        );
    }
}
