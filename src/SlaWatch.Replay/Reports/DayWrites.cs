namespace SlaWatch.Replay.Reports;

/// <summary>
/// Counts, for each local day, the writes that can change what its figures read: events added to its tickets, and
/// entries written to its list (a day's figures also read the arrivals of the days before it, for repeat
/// complaints). A day's figures folded while the replay goes on still hold at its end when its signature has not
/// changed since. Counted after each write completes, so a fold that began after the count read what was written.
/// </summary>
public sealed class DayWrites
{
    // Instants outside 2000-2099 are refused on input, so a day of those years has a slot; a day outside them is
    // counted where every signature reads it.
    private static readonly int FirstDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly int Days = new DateOnly(2100, 1, 1).DayNumber - FirstDay;

    private readonly long[] _ticketWrites = new long[Days];
    private readonly long[] _listWrites = new long[Days];
    private long _elsewhere;

    /// <summary>Events were added to a ticket that arrived on <paramref name="day"/> (or it was created).</summary>
    public void TicketWritten(DateOnly day) => Count(_ticketWrites, day);

    /// <summary>An entry was written to or taken off <paramref name="day"/>'s list.</summary>
    public void ListWritten(DateOnly day) => Count(_listWrites, day);

    /// <summary>What <paramref name="day"/>'s figures read, as a count of the writes to it so far: its tickets, and
    /// the lists of the days from <paramref name="firstRead"/> to it.</summary>
    public long Signature(DateOnly day, DateOnly firstRead)
    {
        var signature = Interlocked.Read(ref _elsewhere) + Read(_ticketWrites, day);
        for (var read = firstRead; read <= day; read = read.AddDays(1))
        {
            signature += Read(_listWrites, read);
        }

        return signature;
    }

    private void Count(long[] counts, DateOnly day)
    {
        var slot = day.DayNumber - FirstDay;
        if ((uint)slot < (uint)counts.Length)
        {
            Interlocked.Increment(ref counts[slot]);
        }
        else
        {
            Interlocked.Increment(ref _elsewhere);
        }
    }

    private static long Read(long[] counts, DateOnly day)
    {
        var slot = day.DayNumber - FirstDay;
        return (uint)slot < (uint)counts.Length ? Interlocked.Read(ref counts[slot]) : 0;
    }
}
