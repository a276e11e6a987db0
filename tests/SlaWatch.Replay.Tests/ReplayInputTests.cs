using System.Globalization;
using System.Text;
using SlaWatch.Core.Ingestion;
using SlaWatch.Replay.Generation;
using SlaWatch.Replay.Input;
using SlaWatch.TestSupport;

namespace SlaWatch.Replay.Tests;

/// <summary>
/// A directory's input as a replay takes it: each JSON line placed by its instant when the directory is read, and read
/// from its file again, whole and in instant order, when the replay comes to it.
/// </summary>
public sealed class ReplayInputTests
{
    // Grouped by ticket, as an export writes them: the instants go back and forth through the file.
    private static readonly string[] Lines =
    [
        Event("t1", "2026-11-16T09:00:00+08:00", "一"),
        Event("t1", "2026-11-16T15:00:00+08:00", "三"),
        Event("t2", "2026-11-16T08:00:00+08:00", "零 😀"),
        Event("t2", "2026-11-17T10:00:00+08:00", "五"),
        Event("t3", "2026-11-16T09:00:00+08:00", "二，同一时刻"),
        Event("t3", "2026-11-16T23:59:59+08:00", "四"),
    ];

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", true)]
    [InlineData("\r", false)]
    public void LinesComeBackWholeInInstantOrderWhateverTheNewlines(string newline, bool byteOrderMark)
    {
        // A blank line and an unreadable one between them, and no newline after the last.
        var text =
            string.Join(newline, Lines[..3])
            + newline
            + newline
            + "not json"
            + newline
            + string.Join(newline, Lines[3..]);
        var directory = Write(Encoding.UTF8.GetPreamble().Take(byteOrderMark ? 3 : 0).ToArray(), text);

        var input = ReplayDirectory.Read(directory, Shipped.Policy);

        AssertInInstantOrder(directory, input);
        var unreadable = Assert.IsType<UnreadableItem>(input.Items().First());
        Assert.Equal((Path.Combine(directory, "events.jsonl") + ":5", "not json"), (unreadable.Origin, unreadable.Raw));
    }

    [Fact]
    public void AFileInUtf16IsReadAsItsText()
    {
        var directory = Write(Encoding.Unicode.GetPreamble(), string.Join("\r\n", Lines), Encoding.Unicode);

        AssertInInstantOrder(directory, ReplayDirectory.Read(directory, Shipped.Policy));
    }

    [Fact]
    public void ARangeKeepsItsDaysAndEveryUnreadableInput()
    {
        var directory = Write([], string.Join("\n", Lines.Append("{}")));
        var input = ReplayDirectory.Read(directory, Shipped.Policy);

        var day = input.Within(new ReplayOptions(new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 17)));

        Assert.Equal(
            (7, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17)),
            (input.Count, input.FirstDay, input.LastDay)
        );
        Assert.Equal(2, day.Count);
        Assert.Equal((new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 17)), (day.FirstDay, day.LastDay));
        Assert.Equal(
            ["{}", Lines[3]],
            day.Items().Select(item => item is RecordItem record ? record.Raw : ((UnreadableItem)item).Raw)
        );
        // Enumerated again, the lines are read again, the same.
        Assert.Equal(
            day.Items().Select(item => item.Origin).ToArray(),
            day.Items().Select(item => item.Origin).ToArray()
        );
    }

    [Fact]
    public void ALineThatMovedSinceTheDirectoryWasReadIsAnErrorNotAGuess()
    {
        var directory = Write([], string.Join("\n", Lines));
        var input = ReplayDirectory.Read(directory, Shipped.Policy);
        File.WriteAllText(Path.Combine(directory, "events.jsonl"), Lines[0]);

        var error = Assert.Throws<IOException>(() => input.Items().ToList());

        Assert.Contains("changed while it was replayed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInputsBeforeALineThatMovedAreHandedOutBeforeItsError()
    {
        var directory = Write([], string.Join("\n", Lines));
        var input = ReplayDirectory.Read(directory, Shipped.Policy);
        // The last line cut off: the four inputs before it in instant order still read, as they are.
        File.WriteAllText(Path.Combine(directory, "events.jsonl"), string.Join("\n", Lines[..5]));
        var handed = new List<string>();

        var error = Assert.Throws<IOException>(() =>
        {
            foreach (var item in input.Items())
            {
                handed.Add(((RecordItem)item).Raw);
            }
        });

        Assert.Contains("changed while it was replayed", error.Message, StringComparison.Ordinal);
        Assert.Equal([Lines[2], Lines[0], Lines[4], Lines[1]], handed);
    }

    [Fact]
    public async Task AReplayThatStopsEarlyStopsTheReadingAhead()
    {
        // More lines than are read ahead: the reader waits on the replay, and must stop when the replay does.
        var many = Enumerable.Range(0, 5_000).Select(i => Event($"t{i}", $"2026-11-16T09:{i % 60:00}:00+08:00", "x"));
        var directory = Write([], string.Join("\n", many));
        var input = ReplayDirectory.Read(directory, Shipped.Policy);

        // A reader left waiting would hold the replay's end forever: the wait is bounded here.
        var first = await Task.Run(() => input.Items().Take(10).ToList()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(10, first.Count);
        Assert.Equal(5_000, input.Items().Count());
    }

    [Fact]
    public void MailsAreReadAheadUnlessTooLargeToHoldAndEitherWayMakeTheirContact()
    {
        var directory = Write([], Lines[0]);
        Directory.CreateDirectory(Path.Combine(directory, "email"));
        WriteMail(directory, "small", "09:00", "请问怎么修改收货地址");
        WriteMail(directory, "large", "09:05", new string('长', (int)MailRead.MaxAheadBytes / 3 + 10));
        WriteMail(directory, "nobody", "09:10", "no sender", from: "");

        var mails = ReplayDirectory.Read(directory, Shipped.Policy).Items().OfType<MailItem>().ToArray();

        Assert.Equal(["small", "large", "nobody"], mails.Select(mail => Path.GetFileNameWithoutExtension(mail.Path)));
        Assert.Equal([true, false, true], mails.Select(mail => mail.Read is not null));
        var large = MailRead.Of(mails[1]);
        Assert.Equal(("large@customer.example", null), (large.Contact?.From, large.Refusal));
        Assert.Equal(mails[0].Read!.Raw.Text, MailRead.Of(mails[0]).Raw.Text);
        Assert.Equal((null, Channels.Email.MailContact.NoSender), (mails[2].Read!.Contact, mails[2].Read!.Refusal));
    }

    /// <summary>A call is held parsed until its turn; its origin (the log and the call's id) and the raw text a
    /// quarantine keeps are made when asked, each call its own.</summary>
    [Fact]
    public void ACallIsNamedByItsLogAndItsId()
    {
        var directory = TestFolders.Create("slawatch-calls-").FullName;
        try
        {
            new SampleGenerator(
                new SampleOptions(Days: 1, TicketsPerDay: 60, Seed: 3, new DateOnly(2026, 10, 5)),
                Shipped.Policy.TimeZone
            ).Write(directory);
            var calls = ReplayDirectory.Read(directory, Shipped.Policy).Items().OfType<CallItem>().ToArray();

            var log = Path.Combine(directory, "phone", "calls.csv");
            Assert.NotEmpty(calls);
            Assert.All(calls, call =>
                Assert.Equal(($"{log} call {call.Call.CallId}", $"call {call.Call.CallId}"), (call.Origin, call.Raw))
            );
            Assert.Equal(calls.Length, calls.Select(call => call.Origin).Distinct().Count());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AChatDeliveryIsMappedAheadWhereTheHandlerWouldMapItAndLeftToItsScreeningElse()
    {
        var directory = Write([], Lines[0]);
        Directory.CreateDirectory(Path.Combine(directory, "chat"));
        const string At = "\"receivedAt\":\"2026-11-16T09:00:00+08:00\",\"format\":\"generic\"";
        File.WriteAllLines(
            Path.Combine(directory, "chat", "webhooks.jsonl"),
            [
                "{"
                    + At
                    + ",\"body\":{\"event\":\"conversation.opened\",\"conversationId\":\"c1\","
                    + "\"messageId\":\"m1\",\"sender\":{\"role\":\"customer\",\"id\":\"u1\"},"
                    + "\"text\":\"你好\",\"at\":\"2026-11-16T09:00:00+08:00\"}}",
                "{" + At + ",\"body\":{}}",
            ]
        );

        var chats = ReplayDirectory.Read(directory, Shipped.Policy).Items().OfType<ChatItem>().ToArray();

        Assert.Equal(2, chats.Length);
        var opened = Assert.IsType<Channels.Chat.ChatContact>(chats[0].Action);
        Assert.Equal((true, "你好"), (opened.Opens, opened.Contact.Text));
        Assert.Null(chats[1].Action);
    }

    [Fact]
    public void AnEventLineComesWithTheReferenceItsRecordingGivesIt()
    {
        var own = Lines[1].Replace("\"actor\"", "\"sourceId\":\"reply-7\",\"actor\"", StringComparison.Ordinal);
        var directory = Write([], Lines[0] + "\n" + own);

        var events = ReplayDirectory
            .Read(directory, Shipped.Policy)
            .Items()
            .Cast<RecordItem>()
            .Select(record => ((EventLine)record.Line).Event)
            .ToArray();

        // Derived from what happened, as the service derives it for a line with none; a line's own kept.
        var parsed = (EventLine)InputJson.Parse(Lines[0], Shipped.Policy.TimeZone, Shipped.Policy.Channels);
        Assert.Null(parsed.Event.SourceRef);
        Assert.StartsWith(TicketIds.DerivedPrefix, events[0].SourceRef, StringComparison.Ordinal);
        Assert.Equal(EventRefs.WithRef(parsed.Event), events[0]);
        Assert.Equal("reply-7", events[1].SourceRef);
    }

    private static void WriteMail(string directory, string id, string time, string text, string? from = null)
    {
        var mail = $"""
            Received: from mx.customer.example by mail.slawatch.example; Mon, 16 Nov 2026 {time}:00 +0800
            From: {from ?? $"<{id}@customer.example>"}
            To: support@slawatch.example
            Subject: {id}
            Message-ID: <{id}@customer.example>
            Content-Type: text/plain; charset=utf-8

            {text}
            """;
        File.WriteAllText(Path.Combine(directory, "email", id + ".eml"), mail.ReplaceLineEndings("\r\n"));
    }

    /// <summary>
    /// A file of megabytes grouped by ticket as an export writes it, so its lines are read back and forth through it,
    /// some of them hundreds of kilobytes long: every line comes back whole, in instant order. The file is more than
    /// twice the blocks the reader keeps (64 of 64 KiB), so blocks are let go and read again, and lines cross them.
    /// </summary>
    [Fact]
    public void AFileManyWindowsLongReadBackAndForthGivesEveryLineWhole()
    {
        var random = new Random(20261207);
        var lines = Enumerable
            .Range(0, 40)
            .SelectMany(ticket =>
                Enumerable
                    .Range(0, 50)
                    .Select(step =>
                        Event(
                            $"t{ticket}",
                            new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8))
                                .AddMinutes(step * 20 + random.Next(0, 20))
                                .ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                            string.Concat(Enumerable.Repeat("回复", random.Next(1, step % 17 == 0 ? 30_000 : 200)))
                        )
                    )
            )
            .ToArray();
        var directory = Write([], string.Join("\n", lines));
        Assert.True(new FileInfo(Path.Combine(directory, "events.jsonl")).Length > 2 * 64 * 65_536);

        var records = ReplayDirectory.Read(directory, Shipped.Policy).Items().OfType<RecordItem>().ToArray();

        Assert.Equal(
            lines.Order(StringComparer.Ordinal),
            records.Select(record => record.Raw).Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            [.. records.Select(record => record.Line).OfType<EventLine>().Select(line => line.Event.At).Order()],
            records.Select(record => ((EventLine)record.Line).Event.At)
        );
    }

    private static void AssertInInstantOrder(string directory, ReplayInput input)
    {
        var path = Path.Combine(directory, "events.jsonl");
        var records = input.Items().OfType<RecordItem>().ToArray();
        // Ties keep the file's order (t1's 09:00 before t3's), so the order is one and only one.
        int[] order = [2, 0, 4, 1, 5, 3];
        Assert.Equal(order.Select(index => Lines[index]), records.Select(record => record.Raw));
        Assert.Equal(
            order.Select(index => Excerpt(Lines[index])),
            records
                .Select(record => ((EventLine)record.Line).Event)
                .Select(recorded => ((Core.Tickets.AgentResponse)recorded).Excerpt)
        );
        Assert.All(records, record => Assert.StartsWith(path + ":", record.Origin, StringComparison.Ordinal));
        Assert.Equal(records.Length, records.Select(record => record.Sequence).Distinct().Count());
    }

    private static string Excerpt(string line) =>
        System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;

    [Fact]
    public void EveryRangeOfDaysGivesTheInputsOfItsLocalDaysInOrder()
    {
        // Nine days' lines, a day left out, some at midnight local and just before, out of order in the file.
        var random = new Random(5);
        var start = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.FromHours(8));
        var lines = Enumerable
            .Range(0, 400)
            .Select(i => start.AddDays(random.Next(9)).AddSeconds(i % 7 == 0 ? -1 : random.Next(86_400)))
            .Where(at => at.Date != new DateTime(2026, 11, 14))
            .Select((at, i) => Event($"t{i}", at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), "x"))
            .ToArray();
        var input = ReplayDirectory.Read(Write([], string.Join("\n", lines)), Shipped.Policy);
        var all = input.Items().Cast<RecordItem>().ToArray();
        DateOnly? Day(int offset) => offset < 0 ? null : DateOnly.FromDateTime(start.Date).AddDays(offset);

        foreach (var (from, to) in new[] { (-1, 3), (2, -1), (0, 0), (3, 5), (4, 4), (-3, 12), (6, 9), (12, 13) })
        {
            var range = input.Within(new ReplayOptions(Day(from), Day(to)));
            var expected = all.Where(item =>
                    LocalDay(item.At) is var day && (from < 0 || day >= Day(from)) && (to < 0 || day <= Day(to))
                )
                .Select(item => item.Raw)
                .ToArray();

            var items = range.Items().Cast<RecordItem>().ToArray();
            Assert.Equal(expected, items.Select(item => item.Raw));
            Assert.Equal(expected.Length, range.Count);
            Assert.Equal(items.Select(item => item.Sequence).Order(), items.Select(item => item.Sequence));
            Assert.Equal(
                items.Length == 0 ? (null, null) : ((DateOnly?)LocalDay(items[0].At), LocalDay(items[^1].At)),
                (range.FirstDay, range.LastDay)
            );
        }
    }

    private static DateOnly LocalDay(DateTimeOffset at) =>
        DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string Write(byte[] preamble, string text, Encoding? encoding = null)
    {
        var directory = TestFolders.Create("slawatch-input-").FullName;
        File.WriteAllBytes(
            Path.Combine(directory, "events.jsonl"),
            [.. preamble, .. (encoding ?? new UTF8Encoding(false)).GetBytes(text)]
        );
        return directory;
    }

    private static string Event(string ticket, string at, string text) =>
        $"{{\"type\":\"event\",\"ticket\":\"{ticket}\",\"kind\":\"agentResponse\",\"at\":\"{at}\",\"actor\":\"A\","
        + $"\"text\":\"{text}\"}}";
}
