namespace SlaWatch.Core.Calendars;

/// <summary>
/// The dates a calendar's holiday data speaks for: one range per included holiday set. Outside them holidays are
/// unknown and a day is read by its weekday alone, so the Spring Festival of a year nobody loaded counts as working
/// days; whoever shows figures for such a date says so.
/// </summary>
public sealed class HolidayCoverage
{
    private readonly (DateOnly From, DateOnly Through)[] _ranges;

    public HolidayCoverage(IEnumerable<(DateOnly From, DateOnly Through)> ranges)
    {
        _ranges = [.. ranges.OrderBy(range => range.From)];
        if (_ranges.Length == 0 || _ranges.Any(range => range.Through < range.From))
        {
            throw new ArgumentException("Holiday coverage needs at least one range, each ending after it starts.");
        }

        From = _ranges[0].From;
        Through = _ranges.Max(range => range.Through);
    }

    public DateOnly From { get; }

    public DateOnly Through { get; }

    public bool Covers(DateOnly date) => _ranges.Any(range => range.From <= date && date <= range.Through);

    /// <summary>
    /// The years with at least one date between <paramref name="from"/> and <paramref name="to"/> that no range
    /// covers, in order.
    /// </summary>
    public IReadOnlyList<int> UncoveredYears(DateOnly from, DateOnly to)
    {
        var years = new List<int>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            var start = year == from.Year ? from : new DateOnly(year, 1, 1);
            var end = year == to.Year ? to : new DateOnly(year, 12, 31);
            if (!CoversAll(start, end))
            {
                years.Add(year);
            }
        }

        return years;
    }

    private bool CoversAll(DateOnly start, DateOnly end)
    {
        var cursor = start;
        while (cursor <= end)
        {
            var covering = _ranges.Where(range => range.From <= cursor && cursor <= range.Through).ToArray();
            if (covering.Length == 0)
            {
                return false;
            }

            var through = covering.Max(range => range.Through);
            if (through >= end)
            {
                return true;
            }

            cursor = through.AddDays(1);
        }

        return true;
    }
}
