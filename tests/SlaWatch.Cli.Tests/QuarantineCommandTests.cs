using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary><c>slawatch quarantine show|retry</c>: what was kept is read whole, contacts masked, and offered again once
/// its ticket exists.</summary>
[Collection(AzuriteTests.Name)]
public class QuarantineCommandTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "q" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Fact]
    public void AReplyImportedBeforeItsTicketIsShownMaskedAndRecordedByARetryOnceTheTicketIsIn()
    {
        var replies = Cli.TempFile(
            "replies.jsonl",
            """{"type":"event","ticket":"source:email:<q7@example.com>","kind":"agentResponse","at":"2026-11-16T09:"""
                + """50:00+08:00","actor":"客服A","sourceId":"r7","text":"已回电 13912341522"}"""
        );
        var contacts = Cli.TempFile(
            "contacts.jsonl",
            """{"type":"contact","channel":"email","sourceId":"<q7@example.com>","receivedAt":"2026-11-16T09:30:"""
                + """00+08:00","from":"wang.wu@example.com","subject":"发票抬头写错了"}"""
        );
        // Every recording command runs on the same stopped clock: the quarantine day is the clock's, not the machine's.
        const string now = "2026-11-30T09:00:00Z",
            today = "2026-11-30";

        var early = WithStore("ingest", replies, "--now", now);
        Assert.Equal(2, early.ExitCode);
        var id = early.Error.Trim().Split("(kept in quarantine as ")[1].TrimEnd(')');

        var shown = WithStore("quarantine", "show", id);
        var shownJson = JsonDocument.Parse(WithStore("quarantine", "show", id, "--json", "--unmasked").Out).RootElement;
        var waiting = WithStore("quarantine", "retry", "--channel", "events", "--day", today, "--now", now);
        Assert.Equal(0, WithStore("ingest", contacts, "--now", now).ExitCode);
        var retried = WithStore("quarantine", "retry", "--channel", "events", "--day", today, "--now", now);
        var after = WithStore("quarantine", "list", "--channel", "events", "--day", today);
        var ticket = WithStore("ticket", "show", "20261116-001", "--json");

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains($"origin:    {replies}:1", shown.Out, StringComparison.Ordinal);
        Assert.Contains(
            "reason:    ticket: no ticket source:email:<q7@example.com>",
            shown.Out,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "retry:     records its AgentResponse on ticket source:email:<q7@example.com> once that ticket exists",
            shown.Out,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("13912341522", shown.Out, StringComparison.Ordinal);
        Assert.Contains("已回电 1391234****", shown.Out, StringComparison.Ordinal);
        Assert.Contains("已回电 13912341522", shownJson.GetProperty("raw").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ("source:email:<q7@example.com>", "AgentResponse", true),
            (
                shownJson.GetProperty("pendingTicket").GetString(),
                shownJson.GetProperty("pendingEvent").GetString(),
                shownJson.GetProperty("retryable").GetBoolean()
            )
        );

        Assert.Equal(
            (0, $"{id}  notfound  -  kept: ticket: no ticket source:email:<q7@example.com>"),
            (waiting.ExitCode, waiting.Line)
        );
        Assert.Equal("recorded 0 of 1; 1 still kept", waiting.Error.Trim());
        Assert.Equal(
            (0, $"{id}  recorded  20261116-001  removed from the quarantine"),
            (retried.ExitCode, retried.Line)
        );
        Assert.Equal("recorded 1 of 1; 0 still kept", retried.Error.Trim());
        Assert.Equal("0 kept", after.Line);
        var events = JsonDocument
            .Parse(ticket.Out)
            .RootElement.GetProperty("events")
            .EnumerateArray()
            .Select(item => item.GetProperty("type").GetString()!)
            .ToArray();
        Assert.Equal(["Received", "AgentResponse"], events);
    }

    [Fact]
    public void RetryNeedsIdsOrAChannelAndDayAndAnUnknownIdIsNamed()
    {
        var both = WithStore("quarantine", "retry", "events_20261116/x", "--channel", "events", "--day", "2026-11-16");
        var neither = WithStore("quarantine", "retry");
        var unknown = WithStore("quarantine", "show", "events_20261116/0000");

        Assert.Equal(
            (2, "slawatch: quarantine retry: give ids, or --channel and --day"),
            (both.ExitCode, both.Error.Trim())
        );
        Assert.Equal(
            (2, "slawatch: quarantine retry: give ids, or --channel and --day"),
            (neither.ExitCode, neither.Error.Trim())
        );
        Assert.Equal(
            (2, "slawatch: events_20261116/0000: nothing kept under this id"),
            (unknown.ExitCode, unknown.Error.Trim())
        );
    }
}
