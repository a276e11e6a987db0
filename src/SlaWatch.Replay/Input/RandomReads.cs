using Microsoft.Win32.SafeHandles;

namespace SlaWatch.Replay.Input;

/// <summary>Reads of a replay's files at a place, which may come back short of what was asked.</summary>
internal static class RandomReads
{
    /// <summary>Reads from <paramref name="offset"/> until <paramref name="into"/> is full or the file ends; how many
    /// bytes were read.</summary>
    public static int Fill(SafeFileHandle handle, Span<byte> into, long offset)
    {
        var filled = 0;
        int read;
        while (filled < into.Length && (read = RandomAccess.Read(handle, into[filled..], offset + filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
