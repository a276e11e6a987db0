namespace SlaWatch.Core.Calendars;

/// <summary>
/// Turns a local wall-clock time into an instant. A time skipped by a spring-forward change maps to the instant of
/// the change (the first moment the wall clock reads past it); a time repeated by a fall-back change maps to its
/// earlier occurrence when it opens an interval and its later one when it closes one, so an interval covers every
/// instant whose wall clock reads inside it (a 00:00-24:00 day lasts 25 hours on a fall-back day).
/// </summary>
public static class ZoneMapping
{
    public static DateTime ToUtc(TimeZoneInfo zone, DateTime local, bool preferLater)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return FirstInstantAfterWall(zone, local);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = preferLater ? offsets.Min() : offsets.Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc);
    }

    /// <summary>The local date an instant falls on.</summary>
    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a local day begins (its first wall-clock moment).</summary>
    public static DateTimeOffset StartOfDay(TimeZoneInfo zone, DateOnly day) =>
        new(ToUtc(zone, day.ToDateTime(TimeOnly.MinValue), preferLater: false));

    public static DateTime ToLocal(TimeZoneInfo zone, DateTime utc) =>
        DateTime.SpecifyKind(
            utc + zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeKind.Unspecified
        );

    // Wall times inside a gap are rare (intervals starting at 02:30 on a change day), so a bisection is cheap enough.
    private static DateTime FirstInstantAfterWall(TimeZoneInfo zone, DateTime wall)
    {
        var low = wall.Ticks - TimeSpan.FromHours(15).Ticks;
        var high = wall.Ticks + TimeSpan.FromHours(15).Ticks;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (ToLocal(zone, new DateTime(middle, DateTimeKind.Utc)) > wall)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTime(high, DateTimeKind.Utc);
    }
}
