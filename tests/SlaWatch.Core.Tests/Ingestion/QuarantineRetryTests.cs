using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>
/// Input kept because something it needed was missing is offered again once it is there: recorded and removed, or
/// left exactly as it was (never kept twice), and input only its source can re-send is left alone.
/// </summary>
public sealed class QuarantineRetryTests
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:30");
    private static readonly DateOnly KeptDay = new(2026, 11, 16);

    private const string Contact =
        """{"type":"contact","channel":"email","sourceId":"<q1@example.com>","receivedAt":"2026-11-16T09:30:00+08:"""
        + """00","from":"li.si@example.com","subject":"发票抬头写错了"}""";
    private const string Reply =
        """{"type":"event","ticket":"source:email:<q1@example.com>","kind":"agentResponse","at":"2026-11-16T09:50:"""
        + """00+08:00","actor":"客服A","sourceId":"r1"}""";

    [Fact]
    public async Task AnEventThatCameBeforeItsTicketWaitsThenIsRecordedOnceAndLeavesTheQuarantine()
    {
        var time = new FakeTimeProvider(Arrival.AddHours(1));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        var lines = services.Get<InputLineIngester>();
        var retry = services.Get<QuarantineRetry>();

        var early = await lines.IngestAsync(Reply, "replies.jsonl:1");
        Assert.Equal(("notfound", "ticket: no ticket source:email:<q1@example.com>"), (early.Word, early.Reason));
        var kept = Assert.Single(await services.Quarantine.ListAsync("events", KeptDay));
        Assert.Equal(early.QuarantineId, kept.Id);
        Assert.Equal("source:email:<q1@example.com>", kept.Pending!.Ticket);
        Assert.Equal(Arrival.AddMinutes(20), Assert.IsType<AgentResponse>(kept.Pending.Event).At);

        // Its ticket is still missing: the retry leaves the input as it was, and keeps no second copy.
        var waiting = Assert.Single(await retry.RetryAsync("events", KeptDay));
        Assert.Equal((kept.Id, "notfound", false), (waiting.Id, waiting.Outcome.Word, waiting.Removed));
        Assert.Equal([kept.Id], (await services.Quarantine.ListAsync("events", KeptDay)).Select(input => input.Id));

        var opened = await lines.IngestAsync(Contact, "contacts.jsonl:1");
        var recorded = await retry.RetryAsync(kept.Id!);

        Assert.Equal(
            ("recorded", opened.Number, true),
            (recorded!.Outcome.Word, recorded.Outcome.Number, recorded.Removed)
        );
        Assert.Empty(await services.Quarantine.ListAsync("events", KeptDay));
        var ticket = (await services.Store.LoadAsync(opened.TicketId!))!;
        Assert.Equal(Arrival.AddMinutes(20), ticket.State.FirstResponseAt);
        // The same reply offered again (a second copy kept by a crash between record and remove) adds nothing.
        Assert.Equal(
            "duplicate",
            (await services.Events.OfferAgainAsync(kept.Pending.Ticket, kept.Pending.Event, "again")).Word
        );
        Assert.Equal(2, (await services.Store.LoadAsync(opened.TicketId!))!.Events.Count);
        Assert.Null(await retry.RetryAsync(kept.Id!));
    }

    [Fact]
    public async Task ALineNamingACategoryNotYetConfiguredIsIngestedOnceTheCategoryIs()
    {
        var line = Contact.Replace("\"subject\"", "\"category\":\"invoice\",\"subject\"", StringComparison.Ordinal);
        var time = new FakeTimeProvider(Arrival.AddHours(1));
        var ports = new MemoryStore();
        await using var before = MemoryProcess.Of(Shipped.Policy, time, ports);

        var refused = await before.Get<InputLineIngester>().IngestAsync(line, "contacts.jsonl:4");
        Assert.StartsWith("category: 'invoice' is not a configured category", refused.Reason, StringComparison.Ordinal);
        var stillRefused = Assert.Single(
            await before.Get<QuarantineRetry>().RetryAsync(InputLineIngester.QuarantineChannel, KeptDay)
        );
        Assert.Equal(
            (refused.QuarantineId, refused.Reason, false),
            (stillRefused.Id, stillRefused.Outcome.Reason, stillRefused.Removed)
        );
        Assert.Single(await ports.Quarantine.ListAsync(InputLineIngester.QuarantineChannel, KeptDay));

        var invoice = new CategoryRule("invoice", "发票问题", "Invoice", ["发票"]);
        await using var after = MemoryProcess.Of(
            Shipped.Policy,
            time,
            ports,
            rules: Shipped.Rules with
            {
                Categories = [.. Shipped.Rules.Categories, invoice],
            }
        );
        var retried = Assert.Single(
            await after.Get<QuarantineRetry>().RetryAsync(InputLineIngester.QuarantineChannel, KeptDay)
        );

        Assert.Equal(
            ("created", "20261116-001", true),
            (retried.Outcome.Word, retried.Outcome.Number, retried.Removed)
        );
        Assert.Equal("invoice", (await ports.Tickets.LoadAsync(retried.Outcome.TicketId!))!.State.Category);
        Assert.Empty(await ports.Quarantine.ListAsync(InputLineIngester.QuarantineChannel, KeptDay));
    }

    [Fact]
    public async Task InputOnlyItsSourceCanResendIsNamedAndLeftAlone()
    {
        var time = new FakeTimeProvider(Arrival.AddHours(1));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        var id = await services.Quarantine.PutAsync(
            new QuarantinedInput(
                "email",
                time.GetUtcNow(),
                "imap INBOX uid 9",
                "from: no sender address",
                "Subject: hi\r\n\r\nbody"
            )
        );

        var result = await services.Get<QuarantineRetry>().RetryAsync(id);

        Assert.Equal(
            ("kept", "email input is offered again by its source, not from the quarantine", false),
            (result!.Outcome.Word, result.Outcome.Reason, result.Removed)
        );
        Assert.False(QuarantineRetry.CanRetry((await services.Quarantine.GetAsync(id))!));
    }

    [Fact]
    public async Task ADaysKeptInputIsOfferedOldestFirstUnderItsOwnOrigin()
    {
        var time = new FakeTimeProvider(Arrival.AddHours(1));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        var lines = services.Get<InputLineIngester>();
        // Two replies before their ticket, the second naming a later instant: kept in that order.
        await lines.IngestAsync(Reply, "replies.jsonl:1");
        time.Advance(TimeSpan.FromMinutes(1));
        await lines.IngestAsync(
            Reply
                .Replace("09:50", "09:55", StringComparison.Ordinal)
                .Replace("\"r1\"", "\"r2\"", StringComparison.Ordinal),
            "replies.jsonl:2"
        );
        await lines.IngestAsync(Contact, "contacts.jsonl:1");

        var results = await services.Get<QuarantineRetry>().RetryAsync("events", KeptDay);

        Assert.Equal(["recorded", "recorded"], results.Select(result => result.Outcome.Word));
        var ticket = (
            await services.Store.LoadAsync((await services.Events.ResolveAsync("source:email:<q1@example.com>"))!)
        )!;
        // Oldest first: the 09:50 reply is the first response.
        Assert.Equal(["r1", "r2"], ticket.Events.OfType<AgentResponse>().Select(item => item.SourceRef));
        Assert.Equal(Arrival.AddMinutes(20), ticket.State.FirstResponseAt);
        Assert.All(results, result => Assert.True(result.Removed));
    }

    [Fact]
    public void OnlyPendingEventsAndIngestLinesCanBeRetriedFromTheQuarantine()
    {
        var at = Arrival;
        Assert.True(
            QuarantineRetry.CanRetry(new QuarantinedInput(InputLineIngester.QuarantineChannel, at, "o", "r", "{}"))
        );
        Assert.False(QuarantineRetry.CanRetry(new QuarantinedInput("email", at, "o", "r", "raw")));
        Assert.False(QuarantineRetry.CanRetry(new QuarantinedInput("events", at, "o", "r", "{}")));
        Assert.True(
            QuarantineRetry.CanRetry(
                new QuarantinedInput("events", at, "o", "r", "{}")
                {
                    Pending = new PendingEvent("1", new AgentResponse(at, "a", null)),
                }
            )
        );
    }

    [Fact]
    public async Task ALineTooLongToKeepIsNotRetriedFromTheQuarantine()
    {
        await using var services = MemoryProcess.Of(Shipped.Policy, new FakeTimeProvider(Arrival));
        var line = Assert.Single(Core.Text.BoundedLines.Read(new StringReader(new string('x', 50)), 10));
        var refused = await services.Get<InputLineIngester>().RefuseTooLongAsync(line, "big.jsonl:1");
        var kept = (await services.Quarantine.GetAsync(refused.QuarantineId!))!;

        Assert.False(QuarantineRetry.CanRetry(kept));
        var retried = await services.Get<QuarantineRetry>().RetryAsync(kept.Id!);
        Assert.Equal(
            ("kept", "the line was too long to keep: send it again from its file", false),
            (retried!.Outcome.Word, retried.Outcome.Reason, retried.Removed)
        );
        Assert.NotNull(await services.Quarantine.GetAsync(kept.Id!));
    }
}
