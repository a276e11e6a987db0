using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Text;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>
/// An ingest file taken a window at a time (chains side by side, a contact created with its later events) ends as
/// the same file ingested line by line: every line's outcome, every ticket, the days' lists, the open set, the
/// wake-ups and the quarantine.
/// </summary>
public sealed class InputLinesImportTests
{
    private static string Contact(string source, string at, string extra = "", string channel = "email") =>
        WithFields(
            new JsonObject
            {
                ["type"] = "contact",
                ["channel"] = channel,
                ["sourceId"] = source,
                ["receivedAt"] = $"2026-11-{at}:00+08:00",
                ["from"] = source.Trim('<', '>') + "@example.com",
                ["subject"] = "无法登录",
            },
            extra
        );

    private static string Event(string ticket, string kind, string at, string extra = "") =>
        WithFields(
            new JsonObject
            {
                ["type"] = "event",
                ["ticket"] = ticket,
                ["kind"] = kind,
                ["at"] = $"2026-11-{at}:00+08:00",
                ["actor"] = "客服A",
            },
            extra
        );

    // The object's fields, then those of extra (a fragment such as ,"owner":"客服B").
    private static string WithFields(JsonObject fields, string extra) =>
        JsonSerializer.Serialize(fields, Unescaped)[..^1] + extra + "}";

    private static readonly JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Each case a chain or its ordering may get wrong, interleaved as a day's log interleaves them.</summary>
    private static readonly string[] Lines =
    [
        Event("source:email:<a>", "acknowledged", "16T09:00"), // before its contact: no ticket yet
        Contact("<a>", "16T09:00"),
        Contact("<b>", "16T09:05"),
        Event("source:email:<a>", "agentResponse", "16T09:20", ""","sourceId":"<reply-a@kf>" """),
        Contact("<c>", "16T09:30", ""","references":["<reply-a@kf>"]"""), // answers our reply: threads onto <a>
        Event("source:email:<b>", "assigned", "16T09:31", ""","owner":"客服B" """),
        Contact("chat-1", "16T09:40", ""","threadKey":"conv-9" """, "chat"),
        Contact("chat-2", "16T09:41", ""","threadKey":"conv-9" """, "chat"), // the same conversation
        Event("thread:chat:conv-9", "agentResponse", "16T09:45"),
        Event("source:email:<b>", "status", "16T10:00", ""","status":"resolved" """),
        Event("20261116-001", "remark", "16T10:05", ""","text":"按编号" """), // by number: after the chains
        Contact("<d>", "16T10:10").Replace("无法登录", "Re: [#20261116-002] 还是不行", StringComparison.Ordinal),
        Contact("<a>", "16T09:00"), // the same mail again
        "{not json",
        Contact("<e>", "16T10:20", ""","category":"no-such-category" """),
        Event("source:email:<e>", "agentResponse", "16T10:25"), // its contact refused: no ticket
        Contact("<f>", "17T08:00"), // the next day, side by side with the first
        Event("source:email:<f>", "satisfaction", "17T09:00", ""","rating":"满意" """),
        Event("source:email:<f>", "overdueReason", "17T08:30", ""","reason":"坐席繁忙","metric":"firstResponse" """),
        Event("source:email:<b>", "agentResponse", "17T09:00"), // another day's activity on <b>
        Event("id:t-unknown", "remark", "17T09:10", ""","text":"x" """),
        Contact("<g>", "16T10:40"), // numbered after the same mail again, which took no number
    ];

    [Fact]
    public async Task AFileTakenAWindowAtATimeEndsAsTheSameFileIngestedLineByLine()
    {
        await using var alone = new MemoryWorld(Shipped.At("2026-11-18 08:00"));
        await using var together = new MemoryWorld(Shipped.At("2026-11-18 08:00"));
        var lines = alone.Main.Get<InputLineIngester>();
        var expected = new List<LineOutcome>();
        for (var i = 0; i < Lines.Length; i++)
        {
            expected.Add(await lines.IngestAsync(Lines[i], Origin(i)));
        }

        var import = together.Main.Get<InputLinesImport>();
        var held = new HeldWrites();
        IngestInput[] window =
        [
            .. BoundedLines
                .Read(new StringReader(string.Join('\n', Lines)), InputLineIngester.MaxLineChars)
                .Select(line => new IngestInput(line, Origin(line.Number - 1))),
        ];
        var actual = await import.ImportAsync(window, held);
        await import.FinishAsync(held);

        Assert.Equal(expected.Select(Word), actual.Select(Word));
        Assert.Contains(actual, outcome => outcome.Word == "threaded");
        Assert.Equal(5, actual.Count(outcome => outcome.Rejected));
        foreach (var id in expected.Select(outcome => outcome.TicketId).OfType<string>().Distinct())
        {
            var (a, b) = ((await alone.Main.Store.LoadAsync(id))!, (await together.Main.Store.LoadAsync(id))!);
            Assert.Equal(a.Number, b.Number);
            Assert.Equal(Describe(a), Describe(b));
            Assert.Equal(a.State with { OverdueReasons = [] }, b.State with { OverdueReasons = [] });
            Assert.Equal(a.State.OverdueReasons, b.State.OverdueReasons);
            Assert.Equal(a.Index, b.Index);
        }

        foreach (var day in new[] { new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17) })
        {
            // The entries without the events an arrival is first summarized with (those its create held).
            Assert.Equal(
                (await alone.Main.Index.ReadDayAsync(day)).Select(entry => entry with { Events = null }),
                (await together.Main.Index.ReadDayAsync(day)).Select(entry => entry with { Events = null })
            );
        }

        Assert.Equal(
            (await alone.Main.Index.ReadOpenAsync()).Order(),
            (await together.Main.Index.ReadOpenAsync()).Order()
        );
        // Under the tickets' own numbers: a conversation's later message once left its own there.
        foreach (var (id, number) in await together.Main.Index.ReadOpenAsync())
        {
            Assert.Equal(number, (await together.Main.Store.LoadAsync(id))!.Number);
        }

        Assert.Equal(
            (await alone.Main.Index.ReadDueAsync("202611150000", "202612312359")).OrderBy(entry => entry.Key),
            (await together.Main.Index.ReadDueAsync("202611150000", "202612312359")).OrderBy(entry => entry.Key)
        );
        foreach (var channel in new[] { InputLineIngester.QuarantineChannel, TicketEventService.QuarantineChannel })
        {
            var today = new DateOnly(2026, 11, 18);
            Assert.Equal(
                (await alone.Main.Quarantine.ListAsync(channel, today)).Select(Kept).Order(),
                (await together.Main.Quarantine.ListAsync(channel, today)).Select(Kept).Order()
            );
        }
    }

    [Fact]
    public void ADaysContactsAndWhatNamesTheirTicketsAreOneChainAndANumberWaits()
    {
        var parsed = Lines
            .Select(line =>
            {
                try
                {
                    return InputJson.Parse(line, Shipped.Policy.TimeZone, Shipped.Policy.Channels);
                }
                catch (InputException)
                {
                    return null;
                }
            })
            .ToArray();

        var (chains, afterwards) = InputChains.Of(parsed, Shipped.Policy.TimeZone, Shipped.Policy.Channels);

        // The 16th's lines, the 17th's, and one naming an unknown ticket id; a number, and a subject quoting one, wait.
        Assert.Equal([10, 11], afterwards);
        Assert.Equal(3, chains.Count);
        var first = chains.Single(chain => chain.Any(step => step.Line == 1));
        // <a> takes its reply (line 3); <b> its assignment and resolution, and its next day's reply, in order.
        Assert.Equal([3], first.Single(step => step.Line == 1).FollowUps);
        Assert.Equal([5, 9, 19], first.Single(step => step.Line == 2).FollowUps);
        Assert.Equal([8], first.Single(step => step.Line == 6).FollowUps);
        // The event before its contact goes alone, first.
        Assert.Equal(0, first[0].Line);
        var next = chains.Single(chain => chain.Any(step => step.Line == 16));
        Assert.Equal([17, 18], next.Single(step => step.Line == 16).FollowUps);
    }

    private static string Origin(int index) => $"test.jsonl:{index + 1}";

    private static string Word(LineOutcome outcome) =>
        $"{outcome.Word} {outcome.Number} {outcome.TicketId} {outcome.Reason}";

    private static string Kept(QuarantinedInput input) => $"{input.Origin} {input.Reason}";

    // A ticket's events as what they say, in the order of their instants (a line taken with its contact is appended
    // before lines that came between them in the file, which the fold orders by instant anyway).
    private static string Describe(StoredTicket ticket) =>
        string.Join(
            '\n',
            ticket.Events.Select(item => (item with { RecordedAt = null }).ToString()).Order(StringComparer.Ordinal)
        );
}
