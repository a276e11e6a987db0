using System.Text.Json.Serialization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

[JsonConverter(typeof(JsonStringEnumConverter<DataNoteKind>))]
public enum DataNoteKind
{
    /// <summary>A record claimed to have happened before its ticket arrived; it was counted at the arrival.</summary>
    StampedBeforeArrival,

    /// <summary>Records a person entered longer after they happened than the policy allows.</summary>
    EnteredLate,

    /// <summary>The ticket came from a spreadsheet row: its times are the sheet's word.</summary>
    Imported,
}

/// <summary>
/// Something about how a ticket was recorded that a reviewer should spot-check. <see cref="Event"/> names the record
/// (the stored event type), <see cref="Claimed"/> the instant it claimed, <see cref="Counted"/> the instant it was
/// counted at (the arrival) or, for late entries, when the latest was recorded; <see cref="Count"/> and
/// <see cref="Late"/> say how many late entries and the most late.
/// </summary>
public sealed record DataNote(
    DataNoteKind Kind,
    string? Event = null,
    DateTimeOffset? Claimed = null,
    DateTimeOffset? Counted = null,
    int Count = 1,
    TimeSpan? Late = null
)
{
    /// <summary>The notes a ticket earns under the policy's data-quality settings.</summary>
    public static IReadOnlyList<DataNote> Of(StoredTicket stored, DataQuality settings)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(settings);
        var notes = new List<DataNote>();
        if (settings.ListImported && stored.Events[0] is Received { Entered: true })
        {
            notes.Add(new DataNote(DataNoteKind.Imported));
        }

        notes.AddRange(
            stored
                .Events.Where(item => item.StampedAt is not null)
                .Select(item => new DataNote(
                    DataNoteKind.StampedBeforeArrival,
                    item.GetType().Name,
                    item.StampedAt,
                    item.At
                ))
        );

        var late = stored
            .Events.Where(item =>
                item.Entered
                && item.RecordedAt is { } recorded
                && recorded - (item.StampedAt ?? item.At) > settings.LateEntryAfter
            )
            .Select(item => (item, lateness: item.RecordedAt!.Value - (item.StampedAt ?? item.At)))
            .ToArray();
        if (late.Length > 0)
        {
            var latest = late.MaxBy(entry => entry.lateness);
            notes.Add(
                new DataNote(
                    DataNoteKind.EnteredLate,
                    latest.item.GetType().Name,
                    latest.item.StampedAt ?? latest.item.At,
                    latest.item.RecordedAt,
                    late.Length,
                    latest.lateness
                )
            );
        }

        // Most tickets have none, and a day's exceptions keep what is returned for each of their rows.
        return notes.Count == 0 ? [] : notes;
    }
}
