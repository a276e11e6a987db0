namespace SlaWatch.Storage.Memory;

/// <summary>
/// Where the in-process store keeps every ticket's packed events: large blocks of bytes, written only at their end. A
/// write adds one segment, the bytes of the events it added and where the ticket's segment before it lies, and copies
/// nothing; a load follows a ticket's segments back to its first. A byte array per ticket, replaced on each write,
/// copied the ticket's bytes again each time, and the collector promoted every new one through its ticket's row (old,
/// so each write marked a card): traced over a year, the young collections marked 28 % less through older
/// generations' cards with the blocks. Blocks hold no references, so no collection looks into them. Nothing is ever
/// freed: a ticket's events are only added to. Used under the store's lock.
/// </summary>
internal sealed class PackedLog(int blockSize)
{
    /// <summary>A mebibyte: a block is allocated among the large objects, and a year takes a few hundred.</summary>
    public const int DefaultBlockSize = 1 << 20;

    /// <summary>Where a ticket with no segment yet ends.</summary>
    public const long None = -1;

    // The longest header: two integers of up to ten 7-bit groups each.
    private const int LongestHeader = 20;

    private readonly List<byte[]> _blocks = [];
    private int _used;

    /// <summary>Adds <paramref name="bytes"/> as the segment after <paramref name="previous"/> (<see cref="None"/> for
    /// a ticket's first) and returns where it lies.</summary>
    public long Add(long previous, ReadOnlySpan<byte> bytes)
    {
        Span<byte> header = stackalloc byte[LongestHeader];
        var length = PackedWriter.Unsigned(header, (ulong)(previous + 1));
        length += PackedWriter.Unsigned(header[length..], (ulong)bytes.Length);
        var needed = length + bytes.Length;
        if (_blocks.Count == 0 || _blocks[^1].Length - _used < needed)
        {
            // A segment longer than a block (a ticket written with thousands of events at once) has a block of its own.
            _blocks.Add(new byte[Math.Max(blockSize, needed)]);
            _used = 0;
        }

        var at = ((long)(_blocks.Count - 1) << 32) | (uint)_used;
        var block = _blocks[^1].AsSpan(_used);
        header[..length].CopyTo(block);
        bytes.CopyTo(block[length..]);
        _used += needed;
        return at;
    }

    /// <summary>Where the bytes of the segment at <paramref name="at"/> lie (for <see cref="Bytes"/>), and where the
    /// segment before it lies: a load finds a ticket's segments back to front and reads them front to back, each
    /// header once.</summary>
    public (long At, int Length) Find(long at, out long previous)
    {
        var block = _blocks[(int)(at >> 32)].AsSpan((int)(uint)at);
        var position = 0;
        previous = (long)PackedReader.Unsigned(block, ref position) - 1;
        var length = (int)PackedReader.Unsigned(block, ref position);
        // Within the segment's block, so the offset's part of the position takes the header's length.
        return (at + position, length);
    }

    public ReadOnlySpan<byte> Bytes((long At, int Length) found) =>
        _blocks[(int)(found.At >> 32)].AsSpan((int)(uint)found.At, found.Length);
}
