using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SlaWatch.Replay.Input;

/// <summary>
/// Lines of a replay's files read back at the places <see cref="LineSpans.Read"/> gave, through the blocks of the files
/// read most recently (64 of 64 KiB, shared by the files). An export lists a ticket's lines together, so the lines a
/// replay wants next lie among the few thousand tickets open at that hour: in a generated year, 99 % of the event
/// lines' and chat deliveries' reads found their block here, where a read of each line was a system call (a fifth of
/// the reading thread's time). A line across two blocks, or longer than one, is read on its own.
/// </summary>
internal sealed class LineBlocks(IReadOnlyList<string> paths) : IDisposable
{
    private const int BlockBytes = 1 << 16;
    private const int Blocks = 64;

    private readonly SafeFileHandle?[] _handles = new SafeFileHandle?[paths.Count];

    // Lazily: a replay of mails and calls alone reads no line.
    private byte[]? _bytes;
    private readonly Slot[] _slots = new Slot[Blocks];
    private readonly Dictionary<(int File, long Block), int> _held = new(Blocks);
    private long _uses;
    private byte[] _apart = [];

    private struct Slot
    {
        public int File;
        public long Block;
        public int Filled;
        public long Used;
    }

    public string Line(int file, long offset, int length)
    {
        var block = offset / BlockBytes;
        var start = (int)(offset - (block * BlockBytes));
        if (start + length > BlockBytes)
        {
            return Apart(file, offset, length);
        }

        _bytes ??= new byte[Blocks * BlockBytes];
        var slot = Find(file, block);
        if (start + length > _slots[slot].Filled)
        {
            throw Changed(file, offset);
        }

        return Encoding.UTF8.GetString(_bytes, (slot * BlockBytes) + start, length);
    }

    // The slot holding the file's block, read into the least recently used slot when none does.
    private int Find(int file, long block)
    {
        if (_held.TryGetValue((file, block), out var found))
        {
            _slots[found].Used = ++_uses;
            return found;
        }

        var oldest = 0;
        for (var at = 1; at < _slots.Length; at++)
        {
            oldest = _slots[at].Used < _slots[oldest].Used ? at : oldest;
        }

        ref var slot = ref _slots[oldest];
        if (slot.Used > 0)
        {
            _held.Remove((slot.File, slot.Block));
        }

        slot = new Slot
        {
            File = file,
            Block = block,
            Filled = Fill(file, _bytes.AsSpan(oldest * BlockBytes, BlockBytes), block * BlockBytes),
            Used = ++_uses,
        };
        _held[(file, block)] = oldest;
        return oldest;
    }

    private string Apart(int file, long offset, int length)
    {
        if (_apart.Length < length)
        {
            _apart = new byte[Math.Max(length, _apart.Length * 2)];
        }

        if (Fill(file, _apart.AsSpan(0, length), offset) < length)
        {
            throw Changed(file, offset);
        }

        return Encoding.UTF8.GetString(_apart, 0, length);
    }

    private int Fill(int file, Span<byte> into, long offset) =>
        RandomReads.Fill(_handles[file] ??= File.OpenHandle(paths[file]), into, offset);

    private IOException Changed(int file, long offset) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{paths[file]}: the file changed while it was replayed (line at byte {offset})"
            )
        );

    public void Dispose()
    {
        foreach (var handle in _handles)
        {
            handle?.Dispose();
        }
    }
}
