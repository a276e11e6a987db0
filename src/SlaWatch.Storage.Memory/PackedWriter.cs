using System.Buffers;
using System.Text;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Bytes of packed events: integers as 7-bit groups (small numbers in one byte), signed ones zig-zagged, text as its
/// UTF-8 length and bytes, a name as its place in a <see cref="PackedNames"/> table.
/// </summary>
internal sealed class PackedWriter(PackedNames names)
{
    private readonly ArrayBufferWriter<byte> _bytes = new(1024);

    public ReadOnlySpan<byte> Written => _bytes.WrittenSpan;

    public void Clear() => _bytes.ResetWrittenCount();

    public void Unsigned(ulong value) => _bytes.Advance(Unsigned(_bytes.GetSpan(10), value));

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="span"/> (room for ten bytes) and
    /// returns how many bytes it took.</summary>
    public static int Unsigned(Span<byte> span, ulong value)
    {
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        return length;
    }

    public void Signed(long value) => Unsigned((ulong)((value << 1) ^ (value >> 63)));

    public void Flag(bool value) => Unsigned(value ? 1u : 0u);

    /// <summary>
    /// Free text: 0 for none; a digest (<see cref="PackedDigest"/>) as twice its byte count plus one, its prefix as a
    /// name, then the bytes; other text as twice its UTF-8 length plus two, then the bytes.
    /// </summary>
    public void Text(string? text)
    {
        if (text is null)
        {
            Unsigned(0);
            return;
        }

        if (PackedDigest.HexFrom(text) is var hex and >= 0)
        {
            var bytes = (text.Length - hex) / 2;
            Unsigned(((ulong)bytes << 1) | 1);
            Name(text.AsSpan(0, hex));
            Convert.FromHexString(text.AsSpan(hex), _bytes.GetSpan(bytes), out _, out var written);
            _bytes.Advance(written);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        Unsigned(((ulong)length + 1) << 1);
        Encoding.UTF8.GetBytes(text, _bytes.GetSpan(length));
        _bytes.Advance(length);
    }

    /// <summary>A name that recurs (who acted, a category): 0 for none, 1 then the text when the table keeps it not,
    /// else its place in the table plus two.</summary>
    public void Name(string? name)
    {
        if (name is null)
        {
            Unsigned(0);
            return;
        }

        Name(name, name);
    }

    // A name as it lies in a text (a digest's prefix) or whole: no string is made for a prefix on each event packed.
    private void Name(ReadOnlySpan<char> name, string? whole = null)
    {
        if (names.PlaceOf(name, whole) is { } place)
        {
            Unsigned((ulong)place + 2);
        }
        else
        {
            Unsigned(1);
            Text(whole ?? name.ToString());
        }
    }

    /// <summary>An instant as the ticks from <paramref name="previous"/> (UTC), then its offset in minutes: events
    /// follow each other, so most take a few bytes.</summary>
    public void Instant(DateTimeOffset at, ref long previous)
    {
        Signed(at.UtcTicks - previous);
        previous = at.UtcTicks;
        Signed(at.TotalOffsetMinutes);
    }
}
