using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>How an event names its ticket, and what an event without its own id is known by.</summary>
public sealed class TicketReferenceTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 10:00"));

    [Fact]
    public async Task ATicketIsNamedByNumberByTheMessageThatOpenedOrJoinedItByItsThreadOrById()
    {
        var mail = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");
        var reply = await _world.Main.Ingestion.IngestAsync(
            TestContacts.Email("<m2@x>", "2026-11-16 09:05", "Re: 无法登录", "13912341522", "<m1@x>"),
            "test"
        );
        var chat = await _world.Main.Ingestion.IngestAsync(
            new InboundContact
            {
                Channel = Channel.Chat,
                SourceId = "c1",
                ThreadKey = "inbox-1:42",
                ReceivedAt = Shipped.At("2026-11-16 09:10"),
                From = "访客",
            },
            "test"
        );
        var events = _world.Main.Events;

        Assert.Equal(IngestOutcome.Threaded, reply.Outcome);
        Assert.Equal(mail.TicketId, await events.ResolveAsync("20261116-001"));
        Assert.Null(await events.ResolveAsync("20261116-009"));
        Assert.Equal(mail.TicketId, await events.ResolveAsync("source:email:<m1@x>"));
        Assert.Equal(mail.TicketId, await events.ResolveAsync("source:邮件:<m2@x>"));
        Assert.Equal(chat.TicketId, await events.ResolveAsync("thread:chat:inbox-1:42"));
        Assert.Equal(chat.TicketId, await events.ResolveAsync(chat.TicketId!));
        Assert.Equal("source:fax:1", await events.ResolveAsync("source:fax:1"));
        Assert.Equal("other:chat:1", await events.ResolveAsync("other:chat:1"));

        var joined = await events.RecordAsync(
            "source:email:<m2@x>",
            new Acknowledged(Shipped.At("2026-11-16 09:20"), "客服A", "ack-1"),
            "test"
        );
        Assert.Equal((RecordOutcome.Recorded, mail.TicketId), (joined.Outcome, joined.TicketId));
    }

    /// <summary>
    /// A reply is entered by its message id, so the customer's answer quoting it threads onto the ticket; a sheet row's
    /// reply (<c>import:…</c>) and one without an id of its own are SlaWatch's references, which no message quotes, and
    /// are not entered (a tracking sheet's import wrote one entry a row for them).
    /// </summary>
    [Fact]
    public async Task RepliesAreEnteredByTheMessageIdsCustomersQuoteAndNotBySlaWatchsOwnReferences()
    {
        var mail = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");
        var events = _world.Main.Events;
        var index = _world.Main.Index;
        foreach (
            var (minute, reference) in new[]
            {
                (10, "<reply-1@kf.example.cn>"),
                (20, "import:SH-01:first-response"),
                (30, (string?)null),
            }
        )
        {
            await events.RecordAsync(
                mail.TicketId!,
                new AgentResponse(Shipped.At("2026-11-16 09:00").AddMinutes(minute), "客服A", reference),
                "test"
            );
        }

        Assert.Equal(mail.TicketId, await index.FindBySourceAsync(Channel.Email, "<reply-1@kf.example.cn>"));
        Assert.Null(await index.FindBySourceAsync(Channel.Email, "import:SH-01:first-response"));
        var answer = await _world.Main.Ingestion.IngestAsync(
            TestContacts.Email("<m3@x>", "2026-11-16 10:00", "还是不行", "13912341522", "<reply-1@kf.example.cn>"),
            "test"
        );
        Assert.Equal((IngestOutcome.Threaded, mail.TicketId), (answer.Outcome, answer.TicketId));
        var derived = (await _world.Main.Store.LoadAsync(mail.TicketId!))!.Events.Single(item =>
            item.SourceRef!.StartsWith(TicketIds.DerivedPrefix, StringComparison.Ordinal)
        );
        Assert.Null(await index.FindBySourceAsync(Channel.Email, derived.SourceRef!));
    }

    [Fact]
    public async Task AnEventWithoutItsOwnIdIsKnownByWhatHappenedNotByWhenItWasRecorded()
    {
        var mail = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");
        var events = _world.Main.Events;

        var first = await events.RecordAsync(
            mail.TicketId!,
            new AgentResponse(Shipped.At("2026-11-16 09:20"), "客服A", null),
            "test"
        );
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await events.RecordAsync(
            mail.TicketId!,
            new AgentResponse(Shipped.At("2026-11-16 09:20"), "客服A", null) { Entered = true },
            "test"
        );
        var other = await events.RecordAsync(
            mail.TicketId!,
            new AgentResponse(Shipped.At("2026-11-16 09:21"), "客服A", null),
            "test"
        );

        Assert.Equal(
            [RecordOutcome.Recorded, RecordOutcome.Duplicate, RecordOutcome.Recorded],
            new[] { first, again, other }.Select(result => result.Outcome)
        );
        var responses = (await _world.Main.Store.LoadAsync(mail.TicketId!))!.Events.OfType<AgentResponse>().ToList();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, item => Assert.Matches("^evt:[0-9a-f]{24}$", item.SourceRef));
        // A derived id is not a message a customer could answer: it is not entered in the source index.
        Assert.Null(await _world.Main.Index.FindBySourceAsync(Channel.Email, responses[0].SourceRef!));
    }

    /// <summary>
    /// A derived reference is stored with the event and derived again for the same event next year: the same event
    /// must always come to the same reference, or a line imported twice across an upgrade is recorded twice. These
    /// were derived by the code of 2026-12-05.
    /// </summary>
    [Fact]
    public async Task AnEventsDerivedReferenceIsTheOneItAlwaysHad()
    {
        var mail = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");

        var results = await _world.Main.Events.RecordAllAsync(
            mail.TicketId!,
            [
                new AgentResponse(Shipped.At("2026-11-16 09:20"), "客服A", null, "您好，已为您处理"),
                new Assigned(Shipped.At("2026-11-16 09:10"), "组长", null, "客服A"),
                new StatusChanged(
                    Shipped.At("2026-11-16 10:00"),
                    "客服A",
                    null,
                    TicketStatus.Resolved,
                    "退款 \"已到账\""
                ),
            ],
            "test"
        );

        Assert.All(results, result => Assert.Equal(RecordOutcome.Recorded, result.Outcome));
        var events = (await _world.Main.Store.LoadAsync(mail.TicketId!))!.Events;
        Assert.Equal(
            ["evt:a0fe7609395c1ec182a594cd", "evt:be25b8fb31b636c94fd25dbf", "evt:87fdb28b5c2ccda8d4f38265"],
            new[] { typeof(AgentResponse), typeof(Assigned), typeof(StatusChanged) }.Select(type =>
                events.Single(item => item.GetType() == type).SourceRef
            )
        );
    }

    [Fact]
    public async Task SeveralEventsAtOnceAreEachAnsweredAndTheSameSourceTwiceIsOnce()
    {
        var mail = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<m1@x>", "2026-11-16 09:00"), "test");

        var results = await _world.Main.Events.RecordAllAsync(
            mail.TicketId!,
            [
                new Acknowledged(Shipped.At("2026-11-16 09:05"), "客服A", "a"),
                new AgentResponse(Shipped.At("2026-11-16 09:10"), "客服A", "r"),
                new AgentResponse(Shipped.At("2026-11-16 09:11"), "客服A", "r"),
                new AgentResponse(Shipped.At("2026-11-16 09:12"), "", "bad"),
            ],
            "sheet:3"
        );

        Assert.Equal(
            [RecordOutcome.Recorded, RecordOutcome.Recorded, RecordOutcome.Duplicate, RecordOutcome.Rejected],
            results.Select(result => result.Outcome)
        );
        Assert.Equal("actor: missing; say who did it (e.g. 客服A, 工号001)", results[3].Reason);
        var kept = Assert.Single(
            await _world.Main.Quarantine.ListAsync(TicketEventService.QuarantineChannel, new DateOnly(2026, 11, 16))
        );
        Assert.Equal(("sheet:3", results[3].QuarantineId), (kept.Origin, kept.Id));
        Assert.StartsWith("AgentResponse{", kept.Raw, StringComparison.Ordinal);
        Assert.Equal(mail.TicketId, await _world.Main.Index.FindBySourceAsync(Channel.Email, "r"));
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
