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
        var text = string.Join('\n',
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/1001-2\",\"Dial\",\"\",\"2026-11-16 09:30:00\",\"2026-11-16 09:30:12\",\"2026-11-16 09:35:00\",300,288,\"ANSWERED\",\"DOCUMENTATION\",\"a1\",\"\"",
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"\",\"Dial\",\"\",\"2026-11-16 25:00:00\",\"\",\"2026-11-16 09:35:00\",300,0,\"NO ANSWER\",\"DOCUMENTATION\",\"a2\",\"\"",
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"\",\"Dial\",\"\",\"2026-11-16 09:30:00\",\"\",\"2026-11-16 09:35:00\",300,0,\"HUNG UP\",\"DOCUMENTATION\",\"a3\",\"\"",
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/1001-2\",\"Dial\",\"\",\"2026-11-16 09:30:00\",\"2026-11-16 09:29:00\",\"2026-11-16 09:35:00\",300,0,\"ANSWERED\",\"DOCUMENTATION\",\"a4\",\"\"",
            "\"just\",\"three\",\"columns\"");

        var (calls, errors) = CallLogReader.ReadCdrCsv(text, Shanghai);

        Assert.Equal("a1", Assert.Single(calls).CallId);
        Assert.Equal(
            ["line 2, column start", "line 3, column disposition", "line 4, column answer", "line 5, column disposition"],
            errors.Select(error => $"line {error.Line}, column {error.Column}"));
        Assert.Contains("'2026-11-16 25:00:00' is not a time", errors[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLinesAreReadAndTheirErrorsNamed()
    {
        var text = """
            {"callId":"j1","caller":"13912341522","start":"2026-11-16T09:30:00+08:00","answer":"2026-11-16T09:30:16+08:00","end":"2026-11-16T09:33:00+08:00","agent":"工号001"}
            {"callId":"j2","caller":"13912341522","start":"2026-11-16T10:00:00","end":"2026-11-16T10:00:40","disposition":"NO ANSWER"}
            {"caller":"13912341522","start":"2026-11-16T10:00:00"}
            not json
            """;
        var (calls, errors) = CallLogReader.Read(text, Shanghai);
        Assert.Equal(["j1", "j2"], calls.Select(call => call.CallId));
        Assert.Equal(TimeSpan.FromSeconds(16), calls[0].Ringing);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero), calls[1].Start);
        Assert.Equal([(3, "callId"), (4, "json")], errors.Select(error => (error.Line, error.Column)));
    }
}
