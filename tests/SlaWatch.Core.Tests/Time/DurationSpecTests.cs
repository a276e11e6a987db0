using System.Globalization;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Tests.Time;

public class DurationSpecTests
{
    [Theory]
    [InlineData("90s", 90, 0)]
    [InlineData(" 15m ", 900, 0)]
    [InlineData("-90m", -5400, 0)]
    [InlineData("+3h", 10800, 0)]
    [InlineData("2d", 0, 2)]
    [InlineData("36600d", 0, 36600)]
    [InlineData("-36600d", 0, -36600)]
    [InlineData("3162240000s", 3162240000, 0)]
    [InlineData("52704000m", 3162240000, 0)]
    [InlineData("878400h", 3162240000, 0)]
    public void ReadsWhatPeopleWrite(string text, long seconds, int workingDays)
    {
        Assert.True(DurationSpec.TryParse(text, out var spec));
        Assert.Equal(TimeSpan.FromSeconds(seconds), spec.Time);
        Assert.Equal(workingDays, spec.WorkingDays);
        Assert.Equal(workingDays != 0, spec.IsWorkingDays);
    }

    // A hundred years of 366 days is the bound in every unit; one past it is refused, not overflowed.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("15 m")]
    [InlineData("1w")]
    [InlineData("1.5h")]
    [InlineData("36601d")]
    [InlineData("3162240001s")]
    [InlineData("52704001m")]
    [InlineData("878401h")]
    [InlineData("-878401h")]
    [InlineData("1234567890123s")]
    public void RefusesWhatIsNotADurationOrTooLong(string? text)
    {
        Assert.False(DurationSpec.TryParse(text, out var spec));
        Assert.Equal(default, spec);
    }

    [Theory]
    [InlineData(90, 0, "90s")]
    [InlineData(900, 0, "15m")]
    [InlineData(3600, 0, "1h")]
    [InlineData(5400, 0, "90m")]
    [InlineData(7200, 0, "2h")]
    [InlineData(3601, 0, "3601s")]
    [InlineData(0, 3, "3d")]
    [InlineData(0, 1, "1d")]
    public void PrintsInTheLargestUnitThatIsExact(long seconds, int workingDays, string expected)
    {
        var spec =
            workingDays != 0
                ? DurationSpec.FromWorkingDays(workingDays)
                : DurationSpec.FromTime(TimeSpan.FromSeconds(seconds));
        Assert.Equal(expected, spec.ToString());
        Assert.True(DurationSpec.TryParse(expected, out var again));
        Assert.Equal(spec, again);
    }
}

public class InstantWindowTests
{
    [Theory]
    [InlineData("2000-01-01T00:00:00Z", true)]
    [InlineData("1999-12-31T23:59:59Z", false)]
    [InlineData("2099-12-31T23:59:59Z", true)]
    [InlineData("2100-01-01T00:00:00Z", false)]
    [InlineData("0001-01-01T00:00:00Z", false)]
    public void HoldsTheYears2000To2099(string instant, bool inside)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        Assert.Equal(inside, InstantWindow.Contains(at));
        Assert.Equal(inside, InstantWindow.Contains(at.UtcDateTime));
    }

    [Fact]
    public void NamesTheYearsItHolds()
    {
        Assert.Equal("'0001-01-01' is outside the years 2000–2099", InstantWindow.Outside("0001-01-01"));
    }

    [Fact]
    public void ShowsAnInstantInTheZoneWithItsOffsetToTheSecond()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal(
            "2026-02-14T17:30:05+08:00",
            InstantText.Format(new DateTimeOffset(2026, 2, 14, 9, 30, 5, TimeSpan.Zero), zone)
        );
        Assert.Null(InstantText.Format((DateTimeOffset?)null, zone));
    }
}
