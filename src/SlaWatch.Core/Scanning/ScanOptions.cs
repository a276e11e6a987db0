namespace SlaWatch.Core.Scanning;

public sealed record ScanOptions
{
    /// <summary>Buckets before the watermark read again, for wake-ups written late into a past minute.</summary>
    public TimeSpan LookBack { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How far back the first scan (no watermark yet) reads.</summary>
    public TimeSpan FirstScanWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>More announcements than this for one recipient in one delivery go out as a single digest.</summary>
    public int DigestThreshold { get; init; } = 20;

    /// <summary>
    /// A scan that is still claiming after this long delivers what it has claimed so far, and again as long as it goes
    /// on: a breach waits for its own ticket's claim, not for every ticket due. A scan done sooner delivers once.
    /// </summary>
    public TimeSpan DeliverEvery { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Due tickets loaded, claimed and rescheduled at once (1 for a store that is not thread-safe, such as a
    /// replay's cache).</summary>
    public int Parallelism { get; init; } = 16;
}
