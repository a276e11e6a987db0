using System.Globalization;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// Partitions split so no natural key gathers a whole day's or a whole channel's traffic: a day's tickets
/// (TicketsByDay), a channel's message references (SourceIndex) and the backlog (OpenTickets) each spread over
/// <see cref="Count"/> partitions <c>KEY-NN</c>. A writer or a point read computes its shard from what it holds (the
/// ticket's serial, the reference, the ticket id); a reader of the whole set queries every shard side by side
/// (<see cref="ShardedQuery"/>). Sixteen keeps 10 million tickets a day under half of each partition's target
/// (<c>docs/capacity.md</c>).
/// </summary>
public static class TableShards
{
    public const int Count = 16;

    public static IEnumerable<int> All => Enumerable.Range(0, Count);

    public static int Of(TicketNumber number) => number.Serial % Count;

    /// <summary>A stable shard for any text (FNV-1a over its UTF-16 code units: the same in every process and
    /// release).</summary>
    public static int Of(string text) => Of(text, Count);

    /// <summary>The same hash over <paramref name="count"/> shards.</summary>
    public static int Of(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var unit in text)
        {
            hash = (hash ^ unit) * 16777619u;
        }

        return (int)(hash % (uint)count);
    }

    public static string Key(string natural, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{natural}-{shard:D2}");
}
