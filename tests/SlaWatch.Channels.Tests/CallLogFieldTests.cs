using SlaWatch.Channels.Phone;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The call log read field by field: each fallback, each bound of the checks and each refusal's words, in the
/// header-row CSV layout (one column per field, so a row says plainly what it tests) and in JSON lines.
/// </summary>
public class CallLogFieldTests
{
    private const string Header = "clid,src,dstchannel,lastapp,start,answer,end,disposition,uniqueid";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset Local(int hour, int minute, int second) =>
        new(2026, 11, 19, hour, minute, second, TimeSpan.FromHours(8));

    private static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) Csv(params string[] rows) =>
        CallLogReader.ReadCdrCsv(string.Join("\r\n", [Header, .. rows]), Shanghai);

    private static CallRecord OneCsv(string row)
    {
        var (calls, errors) = Csv(row);
        Assert.Empty(errors);
        return Assert.Single(calls);
    }

    private static string RefusedCsv(string row)
    {
        var (calls, errors) = Csv(row);
        Assert.Empty(calls);
        var error = Assert.Single(errors);
        Assert.Equal((2, row), (error.Line, error.Raw));
        return $"{error.Column}: {error.Problem}";
    }

    private static CallRecord OneJson(string line)
    {
        var (calls, errors) = CallLogReader.ReadJsonLines(line, Shanghai);
        Assert.Empty(errors);
        return Assert.Single(calls);
    }

    private static string RefusedJson(string line)
    {
        var error = Assert.Single(CallLogReader.ReadJsonLines(line, Shanghai).Errors);
        return $"{error.Column}: {error.Problem}";
    }

    [Fact]
    public void ARowReadsEveryFieldItsHeaderNames()
    {
        var call = OneCsv(
            "\"\"\"王女士\"\" <13900000001>\",13912341522,SIP/1001-0000000a,Dial,"
                + "2026-11-19 09:00:00,2026-11-19 09:00:07,2026-11-19 09:04:00,ANSWERED,1763514000.7"
        );
        Assert.Equal(
            ("1763514000.7", "13912341522", "1001", CallDisposition.Answered),
            (call.CallId, call.Caller, call.Agent, call.Disposition)
        );
        Assert.Equal((Local(9, 0, 0), Local(9, 0, 7), Local(9, 4, 0)), (call.Start, call.Answer, call.End));
    }

    [Theory]
    [InlineData("王女士 <13900000001>", "13900000001")]
    [InlineData("<13900000001>", "13900000001")]
    [InlineData("a <b> <13900000002>", "13900000002")]
    public void WithoutASourceNumberTheCallerIsTheOneInTheCallerId(string clid, string caller) =>
        Assert.Equal(caller, OneCsv($"{clid},,,Dial,2026-11-19 09:00:00,,2026-11-19 09:00:30,NO ANSWER,u1").Caller);

    [Theory]
    [InlineData("")]
    [InlineData("王女士")]
    [InlineData("王女士 <>")]
    [InlineData("王女士 >13900000001<")]
    public void WithoutANumberAnywhereTheRowIsRefused(string clid) =>
        Assert.Equal(
            "src: no caller number",
            RefusedCsv($"{clid},,,Dial,2026-11-19 09:00:00,,2026-11-19 09:00:30,NO ANSWER,u1")
        );

    [Fact]
    public void WithoutAUniqueIdACallIsNamedByItsCallerAndStart() =>
        Assert.Equal(
            $"13912341522@{Local(9, 0, 0).ToUnixTimeSeconds()}",
            OneCsv(",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:00:30,NO ANSWER,").CallId
        );

    [Theory]
    [InlineData("SIP/1001-0000000a", "1001")]
    [InlineData("PJSIP/工号001-00000001", "工号001")]
    [InlineData("/1001-0000000a", "1001")]
    [InlineData("SIP/1001", "SIP/1001")]
    [InlineData("SIP/-0000000a", "SIP/-0000000a")]
    [InlineData("1001-0000000a", "1001-0000000a")]
    [InlineData("", null)]
    public void TheAgentIsTheExtensionInTheDialledChannel(string channel, string? agent) =>
        Assert.Equal(
            agent,
            OneCsv(
                $",13912341522,{channel},Dial,2026-11-19 09:00:00,2026-11-19 09:00:05,2026-11-19 09:01:00,ANSWERED,u1"
            ).Agent
        );

    [Theory]
    [InlineData("ANSWERED", CallDisposition.Answered)]
    [InlineData(" answered ", CallDisposition.Answered)]
    [InlineData("NO ANSWER", CallDisposition.NoAnswer)]
    [InlineData("NOANSWER", CallDisposition.NoAnswer)]
    [InlineData("no_answer", CallDisposition.NoAnswer)]
    [InlineData("BUSY", CallDisposition.Busy)]
    [InlineData("FAILED", CallDisposition.Failed)]
    [InlineData("CONGESTION", CallDisposition.Failed)]
    public void EveryWayAsteriskWritesADispositionIsRead(string written, CallDisposition disposition) =>
        Assert.Equal(
            disposition,
            OneCsv(
                $",139,SIP/1001-1,Dial,2026-11-19 09:00:00,2026-11-19 09:00:05,2026-11-19 09:01:00,{written},u1"
            ).Disposition
        );

    [Theory]
    [InlineData(
        ",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:01:00,HUNG UP,u1",
        "disposition: 'HUNG UP' is not ANSWERED, NO ANSWER, BUSY or FAILED"
    )]
    [InlineData(",13912341522,,Dial,,,2026-11-19 09:01:00,NO ANSWER,u1", "start: missing")]
    [InlineData(",13912341522,,Dial,2026-11-19 09:00:00,,,NO ANSWER,u1", "end: missing")]
    [InlineData(
        ",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 08:59:59,NO ANSWER,u1",
        "end: 2026-11-19T00:59:59.0000000+00:00 is before the start 2026-11-19T01:00:00.0000000+00:00"
    )]
    [InlineData(
        ",13912341522,,Dial,2026-11-19 09:00:00,2026-11-19 09:01:01,2026-11-19 09:01:00,ANSWERED,u1",
        "answer: 2026-11-19T01:01:01.0000000+00:00 is not between the call reaching agents and its end"
    )]
    [InlineData(
        ",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:01:00,ANSWERED,u1",
        "answer: an answered call needs its answer time"
    )]
    [InlineData(
        ",13912341522,,Dial,2026-11-19 09:00:00,2026-11-19 09:01:00",
        "disposition: 6 columns; the header row layout has at least 8"
    )]
    public void ABadRowIsRefusedNamingItsColumnAndWhy(string row, string problem) =>
        Assert.Equal(problem, RefusedCsv(row));

    [Fact]
    public void TheBoundsOfTheChecksAreInclusive()
    {
        // Ended the second it began, answered the second it ended: odd, but what a switch writes.
        var instant = OneCsv(",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:00:00,NO ANSWER,u1");
        Assert.Equal(instant.Start, instant.End);
        var late = OneCsv(
            ",13912341522,SIP/1001-1,Dial,2026-11-19 09:00:00,2026-11-19 09:01:00,2026-11-19 09:01:00,ANSWERED,u1"
        );
        Assert.Equal(late.End, late.Answer);
        // A row with just the columns up to the disposition is enough.
        Assert.Equal("13912341522", OneCsv(",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:01:00,BUSY").Caller);
    }

    [Fact]
    public void BlankLinesAreSkippedAndTheLinesAfterKeepTheirNumbers()
    {
        var (calls, errors) = Csv(
            "",
            ",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:01:00,BUSY,u1",
            "",
            ",13912341522,,Dial,2026-11-19 09:00:00,,2026-11-19 09:01:00,LOST,u2"
        );
        Assert.Equal("u1", Assert.Single(calls).CallId);
        Assert.Equal(5, Assert.Single(errors).Line);
    }

    [Fact]
    public void ANullLogIsAProgrammingError() =>
        Assert.Throws<ArgumentNullException>(() => CallLogReader.ReadCdrCsv(null!, Shanghai));

    [Fact]
    public void AJsonCallReadsItsQueueFieldsAndDefaultsItsDisposition()
    {
        var answered = OneJson(
            """{"callId":"j1","linkedId":"L1","caller":"139","start":"2026-11-19T09:00:00+08:00","queue":"售后","""
                + """ "reachedAgents":"2026-11-19T09:00:12+08:00","answer":"2026-11-19T09:00:20+08:00","""
                + """ "end":"2026-11-19T09:03:00+08:00","agent":"工号001"}"""
        );
        Assert.Equal(
            ("L1", "售后", Local(9, 0, 12), CallDisposition.Answered, "工号001"),
            (answered.LinkedId, answered.Queue, answered.ReachedAgentsAt, answered.Disposition, answered.Agent)
        );
        Assert.Equal(TimeSpan.FromSeconds(8), answered.Ringing);
        var missed = OneJson("""{"callId":"j2","caller":"139","start":"2026-11-19T09:00:00+08:00"}""");
        Assert.Equal(
            (CallDisposition.NoAnswer, Local(9, 0, 0), null, null, null),
            (missed.Disposition, missed.End, missed.Agent, missed.LinkedId, missed.Queue)
        );
        Assert.Null(missed.ReachedAgentsAt);
        var busy = OneJson(
            """{"callId":"j3","caller":"139","start":"2026-11-19T09:00:00+08:00","disposition":"BUSY"}"""
        );
        Assert.Equal(CallDisposition.Busy, busy.Disposition);
    }

    [Theory]
    [InlineData("""{"caller":"139","start":"2026-11-19T09:00:00+08:00"}""", "callId: missing")]
    [InlineData("""{"callId":7,"caller":"139","start":"2026-11-19T09:00:00+08:00"}""", "callId: missing")]
    [InlineData("""{"callId":"j","start":"2026-11-19T09:00:00+08:00"}""", "caller: missing")]
    [InlineData("""{"callId":"j","caller":"139"}""", "start: missing")]
    [InlineData("""[{"callId":"j"}]""", "json: expected an object")]
    [InlineData("""{"callId":""", "json: not valid JSON (")]
    [InlineData(
        """{"callId":"j","caller":"139","start":"2026-11-19T09:00:00+08:00","""
            + """ "reachedAgents":"2026-11-19T08:59:59+08:00"}""",
        "reachedAgents: 2026-11-19T08:59:59.0000000+08:00 is not between the call's start and end"
    )]
    [InlineData(
        """{"callId":"j","caller":"139","start":"2026-11-19T09:00:00+08:00","end":"2026-11-19T09:01:00+08:00","""
            + """ "reachedAgents":"2026-11-19T09:01:01+08:00"}""",
        "reachedAgents: 2026-11-19T09:01:01.0000000+08:00 is not between the call's start and end"
    )]
    [InlineData(
        """{"callId":"j","caller":"139","start":"2026-11-19T09:00:00+08:00","end":"2026-11-19T09:01:00+08:00","""
            + """ "reachedAgents":"2026-11-19T09:00:30+08:00","answer":"2026-11-19T09:00:29+08:00"}""",
        "answer: 2026-11-19T09:00:29.0000000+08:00 is not between the call reaching agents and its end"
    )]
    public void ABadJsonCallIsRefusedNamingItsFieldAndWhy(string line, string problem) =>
        Assert.StartsWith(problem, RefusedJson(line), StringComparison.Ordinal);

    [Fact]
    public void AJsonCallMayReachTheAgentsAtItsStartOrItsEnd()
    {
        var atStart = OneJson(
            """{"callId":"j","caller":"139","start":"2026-11-19T09:00:00+08:00","end":"2026-11-19T09:01:00+08:00","""
                + """ "reachedAgents":"2026-11-19T09:00:00+08:00"}"""
        );
        Assert.Equal(atStart.Start, atStart.ReachedAgentsAt);
        var atEnd = OneJson(
            """{"callId":"j","caller":"139","start":"2026-11-19T09:00:00+08:00","end":"2026-11-19T09:01:00+08:00","""
                + """ "reachedAgents":"2026-11-19T09:01:00+08:00"}"""
        );
        Assert.Equal(atEnd.End, atEnd.ReachedAgentsAt);
    }
}
