namespace SlaWatch.Core.Reporting;

/// <summary>An array a report's history hands on to the next block's (<see cref="RepeatHistory"/>): used again,
/// cleared, when it is long enough, else made anew.</summary>
internal static class HandedOnArrays
{
    /// <summary><paramref name="kept"/> cleared when it holds at least <paramref name="length"/> items (it may hold
    /// more); else a new array of that length.</summary>
    public static T[] AtLeast<T>(T[]? kept, int length)
    {
        if (kept is null || kept.Length < length)
        {
            return new T[length];
        }

        Array.Clear(kept);
        return kept;
    }
}
