using System.Text;

namespace SlaWatch.Storage.Memory;

/// <summary>Reads what a <see cref="PackedWriter"/> wrote, in the same order.</summary>
internal ref struct PackedReader(ReadOnlySpan<byte> bytes, PackedNames names)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public ulong Unsigned() => Unsigned(_bytes, ref _position);

    /// <summary>The integer at <paramref name="position"/> in <paramref name="bytes"/>, as
    /// <see cref="PackedWriter.Unsigned(Span{byte}, ulong)"/> wrote it; <paramref name="position"/> moves past
    /// it.</summary>
    public static ulong Unsigned(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        byte next;
        do
        {
            next = bytes[position++];
            value |= (ulong)(next & 0x7F) << shift;
            shift += 7;
        } while (next >= 0x80);

        return value;
    }

    public int Int() => checked((int)Signed());

    public long Signed()
    {
        var value = Unsigned();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public bool Flag() => Unsigned() != 0;

    public string? Text()
    {
        var header = Unsigned();
        if (header == 0)
        {
            return null;
        }

        if ((header & 1) == 1)
        {
            var (prefix, bytes) = (Name()!, (int)(header >> 1));
            var digest = _bytes.Slice(_position, bytes);
            _position += bytes;
            return string.Create(prefix.Length + 2 * bytes, new DigestParts(prefix, digest), static (chars, parts) =>
            {
                parts.Prefix.CopyTo(chars);
                Convert.TryToHexStringLower(parts.Digest, chars[parts.Prefix.Length..], out _);
            });
        }

        var length = (int)(header >> 1) - 1;
        var text = Encoding.UTF8.GetString(_bytes.Slice(_position, length));
        _position += length;
        return text;
    }

    public string? Name() =>
        Unsigned() switch
        {
            0 => null,
            1 => Text(),
            var place => names.At((int)place - 2),
        };

    public DateTimeOffset Instant(ref long previous)
    {
        previous += Signed();
        var offset = TimeSpan.FromMinutes(Signed());
        return new DateTimeOffset(previous + offset.Ticks, offset);
    }

    private readonly ref struct DigestParts(string prefix, ReadOnlySpan<byte> digest)
    {
        public string Prefix { get; } = prefix;

        public ReadOnlySpan<byte> Digest { get; } = digest;
    }
}
