using System.Globalization;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Ports;

/// <summary>
/// A ticket's next wake-up in the DueIndex: the earliest warning, breach or escalation instant still ahead of its
/// running clocks. One entry per ticket; the scanner recomputes every clock when it fires. <see cref="Kind"/> is
/// <c>warning</c>, <c>breach</c> or <c>escalation-N</c>.
/// </summary>
public sealed record DueEntry(string TicketId, DateTimeOffset At, SlaMetric Metric, string Kind)
{
    /// <summary>The UTC minute bucket the scanner reads, <c>yyyyMMddHHmm</c>.</summary>
    public string Bucket => BucketOf(At);

    /// <summary>Its place within a bucket: unique per ticket, metric and kind, so a wake-up moved within one minute
    /// overwrites the old one instead of being deleted with it.</summary>
    public string Slot => $"{TicketId}|{Metric.Key()}|{Kind}";

    /// <summary>Where it lives in the DueIndex: bucket and slot. Two entries with one key are one row.</summary>
    public string Key => $"{Bucket}/{Slot}";

    /// <summary>The bucket as a number (its digits read as one), for keys in process: buckets compare as their numbers
    /// do.</summary>
    public long BucketNumber => BucketNumberOf(At);

    /// <summary>The slot as its parts, for keys in process: two entries with one slot have the same parts.</summary>
    public (string TicketId, SlaMetric Metric, string Kind) SlotParts => (TicketId, Metric, Kind);

    /// <summary>Whether two entries are one row (their <see cref="Key"/>s equal; both null counts as one), without
    /// building either key: the same minute and the same ticket, metric and kind.</summary>
    public static bool SameRow(DueEntry? one, DueEntry? other) =>
        one is null || other is null
            ? one is null && other is null
            : one.BucketNumber == other.BucketNumber && one.SlotParts == other.SlotParts;

    /// <summary>A bucket after every real one, to bound range reads.</summary>
    public const string LastBucket = "999999999999";

    public static string BucketOf(DateTimeOffset instant) =>
        BucketNumberOf(instant).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The UTC minute of <paramref name="instant"/> as <c>yyyyMMddHHmm</c> read as a number.</summary>
    public static long BucketNumberOf(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return (((utc.Year * 100L + utc.Month) * 100 + utc.Day) * 100 + utc.Hour) * 100 + utc.Minute;
    }

    /// <summary>A bucket's number (<see cref="LastBucket"/> included, after every real one).</summary>
    public static long BucketNumberOf(string bucket) =>
        long.Parse(bucket, NumberStyles.None, CultureInfo.InvariantCulture);
}
