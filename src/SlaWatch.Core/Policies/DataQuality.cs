namespace SlaWatch.Core.Policies;

/// <summary>
/// What the day's exceptions list for a reviewer to spot-check (the seeds: records are made as things happen, not
/// filled in later): events a person entered more than <see cref="LateEntryAfter"/> after they happened, and, when
/// <see cref="ListImported"/>, every ticket imported from a spreadsheet. Records stamped before their ticket's
/// arrival are always listed.
/// </summary>
public sealed record DataQuality(TimeSpan LateEntryAfter, bool ListImported = true)
{
    public static DataQuality Default { get; } = new(TimeSpan.FromHours(1));
}
