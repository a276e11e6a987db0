using SlaWatch.Core.Reporting;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>The review goes out on the month's first working day by the shipped office calendar: past weekends and
/// the public holidays of its 2026 data.</summary>
public sealed class MonthlyReviewsTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new();

    [Theory]
    [InlineData("2026-11-16", "2026-11-02")] // the 1st a Sunday
    [InlineData("2026-10-20", "2026-10-08")] // National Day, 1-7 October
    [InlineData("2026-05-31", "2026-05-06")] // Labour Day, 1-5 May
    [InlineData("2026-12-01", "2026-12-01")] // a Tuesday
    [InlineData("2026-08-15", "2026-08-03")] // the 1st a Saturday
    public void TheFirstWorkingDayFollowsTheOfficeCalendar(string day, string expected)
    {
        var reviews = _world.Main.Get<MonthlyReviews>();

        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            reviews.FirstWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
        );
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
