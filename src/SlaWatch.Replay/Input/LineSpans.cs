namespace SlaWatch.Replay.Input;

/// <summary>
/// Where each line of a UTF-8 file lies (its first byte and its length, the newline left out), split where
/// <see cref="Core.Text.BoundedLines"/> splits the decoded text (\n, \r\n or \r; a byte order mark skipped), so that a
/// line can be read again on its own when its turn comes instead of being held from the first read on.
/// </summary>
internal static class LineSpans
{
    private const int BufferBytes = 1 << 20;
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    /// <summary>False when the file starts with a UTF-16 or UTF-32 byte order mark: its bytes are not UTF-8
    /// text.</summary>
    public static bool IsUtf8(string path)
    {
        using var handle = File.OpenHandle(path);
        Span<byte> start = stackalloc byte[2];
        var read = RandomAccess.Read(handle, start, 0);
        return read < 2 || !(start[0] is 0xFE && start[1] is 0xFF || start[0] is 0xFF && start[1] is 0xFE);
    }

    public static IEnumerable<(long Offset, long Length)> Read(string path)
    {
        using var handle = File.OpenHandle(path);
        var buffer = new byte[BufferBytes];
        long position = 0;
        long lineStart = 0;
        var afterCarriageReturn = false;
        int read;
        while ((read = RandomAccess.Read(handle, buffer, position)) > 0)
        {
            if (position == 0 && read >= Utf8Mark.Length && buffer.AsSpan(0, Utf8Mark.Length).SequenceEqual(Utf8Mark))
            {
                lineStart = Utf8Mark.Length;
            }

            var at = (int)(lineStart > position ? lineStart - position : 0);
            while (at < read)
            {
                var found = buffer.AsSpan(at, read - at).IndexOfAny((byte)'\r', (byte)'\n');
                if (found < 0)
                {
                    afterCarriageReturn = false;
                    break;
                }

                var index = at + found;
                var newline = buffer[index];
                // The \n of a \r\n: the \r already ended the line.
                if (!(newline == '\n' && afterCarriageReturn && found == 0))
                {
                    yield return (lineStart, position + index - lineStart);
                }

                afterCarriageReturn = newline == '\r';
                lineStart = position + index + 1;
                at = index + 1;
            }

            position += read;
        }

        if (position > lineStart)
        {
            yield return (lineStart, position - lineStart);
        }
    }
}
