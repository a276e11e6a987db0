using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Clocks;

/// <summary>
/// The three clocks on a night-shift calendar whose daily interval runs from midnight into the hour a change day
/// repeats or skips, so every due instant depends on how that hour is counted. Paris changes at 02:00 CET (spring)
/// and 03:00 CEST (autumn, repeating 02:00-03:00); New York at 02:00 EST (spring) and 02:00 EDT (autumn, repeating
/// 01:00-02:00). Targets: acknowledgement 30 min, first response 1 h, resolution 3 h, all on the night calendar.
/// Expected instants are written in UTC, worked out by hand from the offsets.
/// </summary>
public sealed class DaylightSavingClockTests
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    [Theory]
    // Autumn, Paris: 00:00 CEST (22:00Z) to the later 02:30, CET (01:30Z): three and a half hours.
    [InlineData(
        "Europe/Paris",
        "02:30",
        "2026-10-24T22:00Z",
        "2026-10-24T22:30Z",
        "2026-10-24T23:00Z",
        "2026-10-25T01:00Z",
        210
    )]
    // Spring, Paris: 00:00 CET (23:00Z) to 02:30, skipped, so 03:00 CEST (01:00Z): two hours, the third on Monday.
    [InlineData(
        "Europe/Paris",
        "02:30",
        "2026-03-28T23:00Z",
        "2026-03-28T23:30Z",
        "2026-03-29T00:00Z",
        "2026-03-29T23:00Z",
        120
    )]
    // Autumn, New York: 00:00 EDT (04:00Z) to the later 01:30, EST (06:30Z): two and a half hours.
    [InlineData(
        "America/New_York",
        "01:30",
        "2026-11-01T04:00Z",
        "2026-11-01T04:30Z",
        "2026-11-01T05:00Z",
        "2026-11-02T05:30Z",
        150
    )]
    // Spring, New York: 00:00 EST (05:00Z) to 02:30, skipped, so 03:00 EDT (07:00Z): two hours.
    [InlineData(
        "America/New_York",
        "02:30",
        "2026-03-08T05:00Z",
        "2026-03-08T05:30Z",
        "2026-03-08T06:00Z",
        "2026-03-09T05:00Z",
        120
    )]
    public void EveryClockCountsTheChangedHourAsTheWallClockLivedIt(
        string zone,
        string nightEnds,
        string arrival,
        string acknowledgementDue,
        string firstResponseDue,
        string resolutionDue,
        int openMinutesOnTheChangeDay
    )
    {
        var policy = NightShift(zone, nightEnds);
        var arrived = Instant(arrival);
        TicketEvent[] events = [Arrival(arrived)];
        // Twelve hours later the change day's interval is over and the next one has not begun.
        var clocks = SlaClockCalculator.Compute(events, policy, arrived.AddHours(12));

        Assert.Equal(Instant(acknowledgementDue), Clock(clocks, SlaMetric.Acknowledgement).Due);
        Assert.Equal(Instant(firstResponseDue), Clock(clocks, SlaMetric.FirstResponse).Due);
        Assert.Equal(Instant(resolutionDue), Clock(clocks, SlaMetric.Resolution).Due);
        Assert.Equal(TimeSpan.FromMinutes(openMinutesOnTheChangeDay), Clock(clocks, SlaMetric.Resolution).Elapsed);
    }

    [Theory]
    [InlineData("Europe/Paris", "02:30", "2026-10-24T22:00Z")]
    [InlineData("America/New_York", "01:30", "2026-11-01T04:00Z")]
    public void AnAnswerInTheRepeatedHourIsMeasuredByItsInstantNotItsWallClock(
        string zone,
        string nightEnds,
        string arrival
    )
    {
        var policy = NightShift(zone, nightEnds);
        var arrived = Instant(arrival);
        // Two and a quarter real hours after midnight: the wall clock reads the repeated hour for the second time.
        var answered = arrived.AddMinutes(135);
        TicketEvent[] events =
        [
            Arrival(arrived),
            new Acknowledged(arrived.AddMinutes(20), "auto-reply", null),
            new AgentResponse(answered, "客服A", null),
        ];
        var clocks = SlaClockCalculator.Compute(events, policy, arrived.AddHours(12));

        var response = Clock(clocks, SlaMetric.FirstResponse);
        Assert.Equal(ClockState.Breached, response.State);
        Assert.Equal(TimeSpan.FromMinutes(135), response.Elapsed);
        Assert.Equal(ClockState.Met, Clock(clocks, SlaMetric.Acknowledgement).State);
    }

    private static Received Arrival(DateTimeOffset at) =>
        new(
            at,
            "customer",
            null,
            Channel.Email,
            Priority.Normal,
            "technical-fault",
            CustomerRef.FromContact("13912341522")
        );

    private static SlaClock Clock(IReadOnlyList<SlaClock> clocks, SlaMetric metric) =>
        clocks.Single(clock => clock.Metric == metric);

    private static DateTimeOffset Instant(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static SlaPolicy NightShift(string zone, string nightEnds)
    {
        var night = string.Join(
            ",",
            Days.Select(day =>
                $$"""
                    "{{day}}":[["00:00","{{nightEnds}}"]]
                    """
            )
        );
        var json = $$$"""
            {
              "version": "dst-1",
              "timeZone": "{{{zone}}}",
              "calendars": { "night": {"timeZone":"{{{zone}}}","week":{ {{{night}}} }} },
              "defaults": { "calendar": "night" },
              "rules": [{"name":"night","targets":{"acknowledgement":"30m","firstResponse":"1h","resolution":"3h"}}]
            }
            """;
        return SlaPolicyLoader.Parse("dst.json", json);
    }
}
