using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.Core.Text;

/// <summary>
/// One line of a file: its text, or for a line longer than the reader allows only its length and SHA-256 (of its
/// UTF-8 bytes), so a file without a newline cannot make a reader hold it whole.
/// </summary>
public sealed record BoundedLine(int Number, string? Text, long Length, string? Sha256)
{
    public bool TooLong => Text is null;

    /// <summary>Nothing but white space: skipped by readers, unlike a line too long to read.</summary>
    public bool IsBlank => Text is not null && string.IsNullOrWhiteSpace(Text);

    /// <summary>The refusal of a line too long to read, naming its size and hash.</summary>
    public string Refusal(int maxChars) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"line: {Length} characters, more than the {maxChars} a line may hold (sha256 {Sha256})"
        );
}

/// <summary>Reads lines (\n, \r\n or \r) with at most a bound of characters of any one line in memory.</summary>
public static class BoundedLines
{
    private const int BufferChars = 64 * 1024;

    public static IEnumerable<BoundedLine> Read(string path, int maxChars)
    {
        using var reader = new StreamReader(
            path,
            Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { BufferSize = BufferChars }
        );
        foreach (var line in Read(reader, maxChars))
        {
            yield return line;
        }
    }

    public static IEnumerable<BoundedLine> Read(TextReader reader, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        var buffer = new char[BufferChars];
        var line = new StringBuilder();
        IncrementalHash? overflow = null;
        var encoder = Encoding.UTF8.GetEncoder();
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(BufferChars)];
        long length = 0;
        var number = 0;
        var afterCarriageReturn = false;

        BoundedLine Finish()
        {
            number++;
            BoundedLine done;
            if (overflow is null)
            {
                done = new BoundedLine(number, line.ToString(), line.Length, null);
            }
            else
            {
                var tail = encoder.GetBytes(Array.Empty<char>(), 0, 0, bytes, 0, flush: true);
                overflow.AppendData(bytes, 0, tail);
                done = new BoundedLine(number, null, length, Convert.ToHexStringLower(overflow.GetHashAndReset()));
                overflow.Dispose();
                overflow = null;
            }

            line.Clear();
            length = 0;
            return done;
        }

        void Append(ReadOnlySpan<char> part)
        {
            length += part.Length;
            if (overflow is null && line.Length + part.Length <= maxChars)
            {
                line.Append(part);
                return;
            }

            if (overflow is null)
            {
                // Over the bound: hash what was held, then everything after it, and hold nothing more.
                overflow = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                encoder.Reset();
                foreach (var chunk in line.GetChunks())
                {
                    Hash(chunk.Span);
                }

                line.Clear();
            }

            Hash(part);
        }

        void Hash(ReadOnlySpan<char> part)
        {
            while (part.Length > 0)
            {
                var take = Math.Min(part.Length, BufferChars);
                var count = encoder.GetBytes(part[..take], bytes, flush: false);
                overflow!.AppendData(bytes, 0, count);
                part = part[take..];
            }
        }

        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                var character = buffer[i];
                if (character is not ('\n' or '\r'))
                {
                    afterCarriageReturn = false;
                    continue;
                }

                if (character == '\n' && afterCarriageReturn && i == start)
                {
                    // The \n of a \r\n split across buffers, or right after the \r: the line already ended.
                    afterCarriageReturn = false;
                    start = i + 1;
                    continue;
                }

                Append(buffer.AsSpan(start, i - start));
                yield return Finish();
                afterCarriageReturn = character == '\r';
                if (afterCarriageReturn && i + 1 < read && buffer[i + 1] == '\n')
                {
                    i++;
                    afterCarriageReturn = false;
                }

                start = i + 1;
            }

            Append(buffer.AsSpan(start, read - start));
        }

        if (length > 0)
        {
            yield return Finish();
        }
    }
}
