using SlaWatch.Channels.Phone;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

public sealed class QueueLogReaderTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset Local(string wall) => Shipped.At(wall);

    private static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) Log() =>
        CallLogReader.Read(File.ReadAllText(Corpus.Own("calls", "queue_log")), Shanghai);

    [Fact]
    public void AQueuedCallRingsFromEnteringTheQueueAndIsAnsweredAtConnect()
    {
        var answered = Log().Calls.Single(call => call.CallId == "1763515200.30");

        Assert.Equal(
            ("13800138003", "support", "2003", CallDisposition.Answered),
            (answered.Caller, answered.Queue, answered.Agent, answered.Disposition)
        );
        Assert.Equal(
            (Local("2026-11-19 09:20:12"), Local("2026-11-19 09:20:12"), Local("2026-11-19 09:20:30")),
            (answered.Start, answered.ReachedAgentsAt, answered.Answer)
        );
        Assert.Equal(TimeSpan.FromSeconds(18), answered.Ringing);
        Assert.Equal(Local("2026-11-19 09:24:00"), answered.End);
    }

    [Theory]
    [InlineData("1763515800.40", "billing", "客户排队 40 秒后挂断", "2026-11-19 09:30:40")]
    [InlineData("1763516400.50", "support", "排队 60 秒超时", "2026-11-19 09:41:00")]
    [InlineData("1763517000.60", "support", "客户排队 25 秒后按 1 键离开", "2026-11-19 09:50:25")]
    public void ACallThatLeftTheQueueWithoutAnAgentIsMissedWithItsReason(
        string id,
        string queue,
        string exit,
        string end
    )
    {
        var call = Log().Calls.Single(call => call.CallId == id);
        Assert.Equal(
            (CallDisposition.NoAnswer, false, queue, exit, Local(end)),
            (call.Disposition, call.Answered, call.Queue, call.QueueExit, call.End)
        );
    }

    [Fact]
    public void QueueWideLinesStartNoCallAndBadOrUnfinishedOnesAreErrorsNamingTheirLine()
    {
        var (calls, errors) = Log();

        Assert.Equal(4, calls.Count);
        Assert.Equal(
            [
                (13, "time", "'yesterday' is not Unix seconds or a local time"),
                (14, "callid", "CONNECT for a call with no ENTERQUEUE before it"),
                (15, "event", "no CONNECT or exit yet: still in the queue?"),
            ],
            errors.Select(error => (error.Line, error.Column, error.Problem))
        );
        Assert.StartsWith("yesterday|1763517600.70|support", errors[0].Raw, StringComparison.Ordinal);
        Assert.Contains("|ENTERQUEUE||13800138008|", errors[2].Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1795051212|1763515200.30|support|NONE|ENTERQUEUE||13800138003|1", true)]
    [InlineData("2026-11-19 09:20:12|1763515200.30|support|NONE|ENTERQUEUE||13800138003|1", true)]
    [InlineData("\"\",\"13912341522\",\"8000\",\"from-pstn\"", false)]
    [InlineData("accountcode,src,dst", false)]
    public void AQueueLogIsToldFromACdrByItsFirstLine(string line, bool queueLog)
    {
        Assert.Equal(queueLog, QueueLogReader.LooksLikeQueueLog(line));
    }

    [Fact]
    public void LocalTimesAreReadInThePolicysZone()
    {
        var (calls, errors) = CallLogReader.Read(
            "2026-11-19 09:20:12|c1|support|NONE|ENTERQUEUE||13800138003|1\n"
                + "2026-11-19 09:20:20|c1|support|SIP/2003|CONNECT|8|c2|4\n",
            Shanghai
        );
        Assert.Empty(errors);
        Assert.Equal((Local("2026-11-19 09:20:20"), TimeSpan.FromSeconds(8)), (calls[0].Answer, calls[0].Ringing));
    }

    private static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) Lines(params string[] lines) =>
        QueueLogReader.Read(string.Join("\r\n", lines), Shanghai);

    private const string Entered = "1795051200|c1|support|NONE|ENTERQUEUE||13800138003|1";

    [Theory]
    [InlineData("SIP/2003", "2003")]
    [InlineData("PJSIP/2003", "2003")]
    [InlineData("Agent/2003", "2003")]
    [InlineData("/2003", "2003")]
    [InlineData("张三", "张三")]
    [InlineData("NONE", null)]
    [InlineData("", null)]
    public void TheAgentIsTheMemberAfterItsTechnology(string member, string? agent) =>
        Assert.Equal(
            agent,
            Assert.Single(Lines(Entered, $"1795051208|c1|support|{member}|CONNECT|8|c2|4").Calls).Agent
        );

    [Theory]
    [InlineData("COMPLETEAGENT", true)]
    [InlineData("COMPLETECALLER", true)]
    [InlineData("TRANSFER", true)]
    [InlineData("BLINDTRANSFER", true)]
    [InlineData("ATTENDEDTRANSFER", true)]
    [InlineData("INFO", false)]
    public void ACallEndsWhenTheAgentOrCallerHangsUpOrItIsTransferred(string kind, bool ends)
    {
        var call = Assert.Single(
            Lines(
                Entered,
                "1795051208|c1|support|SIP/2003|CONNECT|8|c2|4",
                $"1795051300|c1|support|SIP/2003|{kind}|8|92"
            ).Calls
        );
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ends ? 1795051300 : 1795051208), call.End);
    }

    [Fact]
    public void TheFirstExitIsTheReasonAndTheLastLineTheEnd()
    {
        var call = Assert.Single(
            Lines(
                Entered,
                "1795051230|c1|support|NONE|EXITEMPTY|1|1|30",
                "1795051240|c1|support|NONE|ABANDON|1|1|40",
                "1795051250|c1|support|NONE|ENTERQUEUE||13900000000|1"
            ).Calls
        );
        Assert.Equal(
            ("队列中没有坐席", DateTimeOffset.FromUnixTimeSeconds(1795051240), "13800138003"),
            (call.QueueExit, call.End, call.Caller)
        );
        Assert.Equal(
            "排队 ? 秒超时",
            Assert.Single(Lines(Entered, "1795051230|c1|support|NONE|EXITWITHTIMEOUT|1|1|soon").Calls).QueueExit
        );
    }

    [Fact]
    public void ALineTooShortOrACallWithoutACallerIsAnErrorNamingItsLine()
    {
        var (calls, errors) = Lines(
            "1795051200|c1|support|NONE",
            "1795051200|c2|support|NONE|ENTERQUEUE||",
            "1795051210|c2|support|NONE|ABANDON|1|1|10"
        );
        Assert.Empty(calls);
        Assert.Equal(
            [(1, "event", "a queue_log line has at least 5 fields"), (2, "callerid", "ENTERQUEUE names no caller")],
            errors.Select(error => (error.Line, error.Column, error.Problem))
        );
    }

    [Theory]
    [InlineData("1795051200|c1|support|NONE|ENTERQUEUE", true)]
    [InlineData("1795051200|c1|support|NONE|SOME_EVENT", true)]
    [InlineData("1795051200|c1|support|NONE", false)]
    [InlineData("|c1|support|NONE|ENTERQUEUE", false)]
    [InlineData("soon|c1|support|NONE|ENTERQUEUE", false)]
    [InlineData("1795051200|c1|support|NONE|", false)]
    [InlineData("1795051200|c1|support|NONE|enterqueue", false)]
    [InlineData("1795051200|c1|support|NONE|ENTER-QUEUE", false)]
    public void AQueueLogLineHasATimeAndAnUpperCaseEventFifth(string line, bool queueLog) =>
        Assert.Equal(queueLog, QueueLogReader.LooksLikeQueueLog(line));

    [Fact]
    public void TheFirstConnectAnswersAndCallsComeInTheOrderTheyEntered()
    {
        var (calls, errors) = Lines(
            "1795051190|c0|support|NONE|ENTERQUEUE||13900000009|1",
            Entered,
            "1795051208|c1|support|SIP/2003|CONNECT|8|c2|4",
            "1795051300|c1|support|SIP/2004|CONNECT|8|c3|4",
            "1795051209|c0||NONE|ABANDON|1|1|19"
        );
        Assert.Empty(errors);
        Assert.Equal(["c0", "c1"], calls.Select(call => call.CallId));
        Assert.Equal(
            (DateTimeOffset.FromUnixTimeSeconds(1795051208), "2003", DateTimeOffset.FromUnixTimeSeconds(1795051300)),
            (calls[1].Answer, calls[1].Agent, calls[1].End)
        );
        Assert.Equal("support", calls[0].Queue);
        Assert.Null(calls[1].QueueExit);
    }

    [Fact]
    public void AQueueWithoutANameIsNoQueueAndAnAnsweredCallHasNoExit()
    {
        var call = Assert.Single(
            Lines(
                "1795051200|c1||NONE|ENTERQUEUE||13800138003|1",
                "1795051201|c1||NONE|EXITEMPTY|1|1|1",
                "1795051208|c1||SIP/2003|CONNECT|8|c2|4"
            ).Calls
        );
        Assert.Equal((null, null, true), (call.Queue, call.QueueExit, call.Answered));
    }

    [Fact]
    public void AnExitWithoutItsDataSaysWhatItCould()
    {
        Assert.Equal(
            "客户排队 ? 秒后按  键离开",
            Assert.Single(Lines(Entered, "1795051230|c1|support|NONE|EXITWITHKEY").Calls).QueueExit
        );
        Assert.Equal(
            "客户排队 ? 秒后按 5 键离开",
            Assert.Single(Lines(Entered, "1795051230|c1|support|NONE|EXITWITHKEY| 5 |1").Calls).QueueExit
        );
        Assert.Equal(
            "客户排队 30 秒后挂断",
            Assert.Single(Lines(Entered, "1795051230|c1|support|NONE|ABANDON|1|1|30|extra").Calls).QueueExit
        );
    }

    [Fact]
    public void ALineOfJustFiveFieldsIsRead()
    {
        var (calls, errors) = Lines("1795051200|c1|support|NONE|ENTERQUEUE");
        Assert.Empty(calls);
        Assert.Equal(("callerid", "ENTERQUEUE names no caller"), (errors[0].Column, errors[0].Problem));
    }

    [Fact]
    public void RingNoAnswerAndQueueWideLinesNeitherStartNorEndACall()
    {
        var (calls, errors) = Lines(
            Entered,
            "1795051205|c1|support|SIP/2003|RINGNOANSWER|5000",
            "1795051205|NONE|support|NONE|CONNECT|0|0|0",
            "1795051210|c1|support|SIP/2004|CONNECT|10|c2|4"
        );
        Assert.Empty(errors);
        Assert.Equal(
            ("2004", DateTimeOffset.FromUnixTimeSeconds(1795051210)),
            (Assert.Single(calls).Agent, calls[0].Answer)
        );
    }
}
