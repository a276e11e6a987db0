using SlaWatch.Channels.Phone;

namespace SlaWatch.Channels.Tests;

public class CallLogReaderTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void AsteriskCdrCsvRowsAreRead()
    {
        var (calls, errors) = CallLogReader.Read(File.ReadAllText(Corpus.Own("calls", "Master.csv")), Shanghai);

        Assert.Empty(errors);
        Assert.Equal(4, calls.Count);
        var answered = calls[0];
        Assert.Equal(("1700100000.1", "13912341522", "1001"), (answered.CallId, answered.Caller, answered.Agent));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 9, 30, 0, TimeSpan.FromHours(8)), answered.Start);
        Assert.Equal(TimeSpan.FromSeconds(12), answered.Ringing);
        Assert.Equal(CallDisposition.NoAnswer, calls[1].Disposition);
        Assert.Null(calls[1].Answer);
        Assert.Equal(CallDisposition.Busy, calls[2].Disposition);
        Assert.Equal("13700007777", calls[3].Caller);
    }

    [Fact]
    public void BadRowsNameTheirLineAndColumnAndTheRestIsRead()
    {
        var text = string.Join(
            '\n',
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/1001-2\",\"Dial\",\"\","
                + "\"2026-11-16 09:30:00\",\"2026-11-16 09:30:12\",\"2026-11-16 09:35:00\",300,288,\"ANSWERED\","
                + "\"DOCUMENTATION\",\"a1\",\"\"",
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"\",\"Dial\",\"\",\"2026-11-16 25:00:"
                + "00\",\"\",\"2026-11-16 09:35:00\",300,0,\"NO ANSWER\",\"DOCUMENTATION\",\"a2\",\"\"",
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"\",\"Dial\",\"\",\"2026-11-16 09:30:"
                + "00\",\"\",\"2026-11-16 09:35:00\",300,0,\"HUNG UP\",\"DOCUMENTATION\",\"a3\",\"\"",
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/1001-2\",\"Dial\",\"\","
                + "\"2026-11-16 09:30:00\",\"2026-11-16 09:29:00\",\"2026-11-16 09:35:00\",300,0,\"ANSWERED\","
                + "\"DOCUMENTATION\",\"a4\",\"\"",
            "\"just\",\"three\",\"columns\""
        );

        var (calls, errors) = CallLogReader.ReadCdrCsv(text, Shanghai);

        Assert.Equal("a1", Assert.Single(calls).CallId);
        Assert.Equal(
            [
                "line 2, column start",
                "line 3, column disposition",
                "line 4, column answer",
                "line 5, column disposition",
            ],
            errors.Select(error => $"line {error.Line}, column {error.Column}")
        );
        Assert.Contains("'2026-11-16 25:00:00' is not a time", errors[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLinesAreReadAndTheirErrorsNamed()
    {
        var text = string.Join(
            '\n',
            """{"callId":"j1","caller":"13912341522","start":"2026-11-16T09:30:00+08:00","""
                + """ "answer":"2026-11-16T09:30:16+08:00","end":"2026-11-16T09:33:00+08:00","agent":"工号001"}""",
            """{"callId":"j2","caller":"13912341522","start":"2026-11-16T10:00:00","end":"2026-11-16T10:00:40","""
                + """ "disposition":"NO ANSWER"}""",
            """{"caller":"13912341522","start":"2026-11-16T10:00:00"}""",
            "not json"
        );
        var (calls, errors) = CallLogReader.Read(text, Shanghai);
        Assert.Equal(["j1", "j2"], calls.Select(call => call.CallId));
        Assert.Equal(TimeSpan.FromSeconds(16), calls[0].Ringing);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero), calls[1].Start);
        Assert.Equal([(3, "callId"), (4, "json")], errors.Select(error => (error.Line, error.Column)));
    }

    [Fact]
    public void TheLegsOfACallAreOneCallAnsweredIfAnAgentLegAnswered()
    {
        var (calls, errors) = CallLogReader.Read(
            File.ReadAllText(Corpus.Own("calls", "ring-group-cdr-csv.csv")),
            Shanghai
        );

        Assert.Empty(errors);
        Assert.Equal(
            ["1763514000.10", "1763514600.20", "1763515200.30", "1763515800.40"],
            calls.Select(call => call.CallId)
        );
        // Two phones rang; the first did not answer, the second did after 9 seconds: one answered call.
        var group = calls[0];
        Assert.Equal(
            (2, CallDisposition.Answered, "2002", TimeSpan.FromSeconds(9)),
            (group.Legs, group.Disposition, group.Agent, group.Ringing)
        );
        Assert.Equal(Local("2026-11-19 09:05:00"), group.End);
        // Voicemail answered the line, no person did.
        Assert.Equal(
            (false, "VoiceMail", (TimeSpan?)null),
            (calls[1].Answered, calls[1].SwitchApplication, calls[1].Ringing)
        );
        // 12 s in the IVR menu, then the queue: the agent answered 18 s after the call reached the agents, which is
        // the ring time that counts (not the 30 s since the call began).
        Assert.Equal(
            (2, "2003", TimeSpan.FromSeconds(18), Local("2026-11-19 09:20:12"), "support"),
            (calls[2].Legs, calls[2].Agent, calls[2].Ringing, calls[2].ReachedAgentsAt, calls[2].Queue)
        );
        Assert.Equal(Local("2026-11-19 09:20:00"), calls[2].Start);
        Assert.Equal(("Hangup", CallDisposition.NoAnswer), (calls[3].SwitchApplication, calls[3].Disposition));
    }

    [Fact]
    public void CdrCustomsMasterCsvLayoutIsRecognisedByWhereItsTimesStand()
    {
        var (calls, errors) = CallLogReader.Read(
            File.ReadAllText(Corpus.Own("calls", "cdr-custom-Master.csv")),
            Shanghai
        );

        Assert.Empty(errors);
        Assert.Equal(2, calls.Count);
        // Legs sharing a uniqueid (this layout has no linkedid) are one call.
        Assert.Equal(
            ("1763517600.50", "13800138005", 2, "2002"),
            (calls[0].CallId, calls[0].Caller, calls[0].Legs, calls[0].Agent)
        );
        Assert.Equal(
            (Local("2026-11-19 10:00:00"), TimeSpan.FromSeconds(6)),
            (calls[0].Start, calls[0].Ringing!.Value)
        );
        Assert.Equal("VoiceMail", calls[1].SwitchApplication);
    }

    [Fact]
    public void AHeaderRowNamesTheColumnsInAnyOrder()
    {
        var text = string.Join(
            '\n',
            "calldate,src,dstchannel,lastapp,answer,end,disposition,uniqueid,linkedid",
            "2026-11-19 11:00:00,13800138007,SIP/2001-1,Dial,2026-11-19 11:00:04,2026-11-19 11:02:00,ANSWERED,u1,l1",
            "2026-11-19 11:00:00,13800138007,SIP/2002-2,Dial,,2026-11-19 11:00:04,NO ANSWER,u2,l1"
        );

        var (calls, errors) = CallLogReader.Read(text, Shanghai);

        Assert.Empty(errors);
        var call = Assert.Single(calls);
        Assert.Equal(
            ("l1", 2, "2001", TimeSpan.FromSeconds(4)),
            (call.CallId, call.Legs, call.Agent, call.Ringing!.Value)
        );
    }

    [Fact]
    public void ALogInALayoutNotRecognisedIsRefusedWithAMessageNamingTheLayouts()
    {
        var text =
            "13800138008,8000,2026-11-19 12:00:00,31,ANSWERED\n13800138009,8000,2026-11-19 12:05:00,12,NO ANSWER\n";

        var (calls, errors) = CallLogReader.Read(text, Shanghai);

        Assert.Empty(calls);
        var error = Assert.Single(errors);
        Assert.Equal((1, "layout"), (error.Line, error.Column));
        Assert.Contains("cdr-csv", error.Problem, StringComparison.Ordinal);
        Assert.Contains("cdr_custom's Master.csv", error.Problem, StringComparison.Ordinal);
        Assert.Contains("header row", error.Problem, StringComparison.Ordinal);
        // The whole log is kept with the error, so quarantine loses nothing.
        Assert.Equal(text, error.Raw);
    }

    private static DateTimeOffset Local(string text) =>
        new(
            DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromHours(8)
        );
}
