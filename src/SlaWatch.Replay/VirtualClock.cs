namespace SlaWatch.Replay;

/// <summary>
/// The replay's time: it stands still while an input is handled and jumps forward to the next input or wake-up,
/// never back. Everything the services stamp (ingestion, scans, reports) reads it.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves to <paramref name="instant"/>; an earlier instant leaves the clock where it is.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant.ToUniversalTime();
        }
    }
}
