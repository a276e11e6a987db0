using SlaWatch.Channels.Phone;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The times call logs write, read the one way every layout shares: Unix seconds, local wall times in the policy's
/// zone (a database's microseconds dropped), ISO instants with their offset, each inside the years a record may carry.
/// </summary>
public class CallTimesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) Queue(string time) =>
        QueueLogReader.Read(
            $"{time}|c1|support|NONE|ENTERQUEUE||13800138003|1\n{time}|c1|support|NONE|ABANDON|1|1|0\n",
            Shanghai
        );

    private static DateTimeOffset Entered(string time)
    {
        var (calls, errors) = Queue(time);
        Assert.Empty(errors);
        return Assert.Single(calls).Start;
    }

    private static string Refused(string time) => Queue(time).Errors[0].Problem;

    private static DateTimeOffset Started(string start, TimeZoneInfo zone)
    {
        var (calls, errors) = CallLogReader.ReadJsonLines(
            $$"""{"callId":"j","caller":"139","start":"{{start}}"}""",
            zone
        );
        Assert.Empty(errors);
        return Assert.Single(calls).Start;
    }

    [Theory]
    [InlineData("1795051212")]
    [InlineData("2026-11-19 09:20:12")]
    [InlineData("2026-11-19 09:20:12.345678")]
    [InlineData("2026-11-19T09:20:12")]
    [InlineData("2026-11-19T09:20:12+08:00")]
    [InlineData("2026-11-19T01:20:12Z")]
    [InlineData("2026-11-19T09:20:12.0000000+08:00")]
    public void AQueueLogTimeIsUnixSecondsALocalTimeOrAnInstant(string written) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795051212), Entered(written));

    [Fact]
    public void AnInstantKeepsItsFractionAndALocalTimeItsSecond()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795051212500), Entered("2026-11-19T09:20:12.5+08:00"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795051212), Entered("2026-11-19 09:20:12.999"));
    }

    [Theory]
    [InlineData("946684799")]
    [InlineData("4102444800")]
    [InlineData("253402300800")]
    [InlineData("99999999999999999")]
    [InlineData("1999-12-31 23:59:59")]
    [InlineData("2100-01-01T00:00:00")]
    public void ATimeOutsideTheYearsARecordMayCarryIsRefused(string written) =>
        Assert.Equal($"'{written}' is outside the years 2000–2099", Refused(written));

    [Theory]
    [InlineData("946684800", "2000-01-01T00:00:00.0000000+00:00")]
    [InlineData("4102444799", "2099-12-31T23:59:59.0000000+00:00")]
    public void TheYearsBoundsAreThemselvesInside(string written, string instant) =>
        Assert.Equal(
            DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture),
            Entered(written)
        );

    [Theory]
    [InlineData("19/11/2026 09:20")]
    [InlineData("2026-11-19 9:20:12")]
    [InlineData("-1795051212")]
    public void AnythingElseIsRefusedSayingWhatWasExpected(string written) =>
        Assert.Equal($"'{written}' is not Unix seconds or a local time", Refused(written));

    [Fact]
    public void AnAmbiguousLocalTimeIsTheEarlierOfTheTwo()
    {
        // 01:30 on 1 November 2026 happens twice in New York: first in daylight time (UTC-4).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), Started("2026-11-01 01:30:00", NewYork));
        Assert.Equal(
            new DateTimeOffset(2026, 11, 19, 1, 20, 12, TimeSpan.Zero),
            Started("2026-11-19 09:20:12", Shanghai)
        );
        var refused = Assert.Single(
            CallLogReader.ReadJsonLines("""{"callId":"j","caller":"139","start":"2026-11-19 9:20"}""", Shanghai).Errors
        );
        Assert.Equal(
            ("start", "'2026-11-19 9:20' is not a time written YYYY-MM-DD HH:MM:SS"),
            (refused.Column, refused.Problem)
        );
    }
}
