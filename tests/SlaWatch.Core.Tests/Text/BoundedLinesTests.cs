using System.Security.Cryptography;
using System.Text;
using SlaWatch.Core.Text;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Text;

/// <summary>Lines as File.ReadLines splits them, except that a line over the bound is only measured and hashed, never
/// held.</summary>
public sealed class BoundedLinesTests
{
    [Fact]
    public void LinesSplitOnEveryNewlineKindAsReadLinesDoes()
    {
        // A \r\n falling across the reader's 64 Ki-character buffer, blank lines, and no newline at the end.
        var text = new string('a', 65_535) + "\r\nb\n\nc\rd\r\n\re";
        var path = Path.Combine(TestFolders.Create("slawatch-lines-").FullName, "lines.txt");
        File.WriteAllText(path, text);

        var lines = BoundedLines.Read(path, 100_000).ToArray();

        Assert.Equal(File.ReadLines(path), lines.Select(line => line.Text!));
        Assert.Equal(Enumerable.Range(1, lines.Length), lines.Select(line => line.Number));
    }

    [Fact]
    public void ALineOverTheBoundIsMeasuredAndHashedAndTheNextLineIsRead()
    {
        // Chinese and an emoji (a surrogate pair) across the bound: the hash is of the line's UTF-8 bytes.
        var longLine = string.Concat(Enumerable.Repeat("工单😀x", 40_000));
        using var reader = new StringReader("short\n" + longLine + "\nafter");

        var lines = BoundedLines.Read(reader, 1000).ToArray();

        Assert.Equal(("short", false), (lines[0].Text, lines[0].TooLong));
        Assert.True(lines[1].TooLong);
        Assert.Equal(
            (longLine.Length, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(longLine)))),
            (lines[1].Length, lines[1].Sha256)
        );
        Assert.Equal(
            $"line: 200000 characters, more than the 1000 a line may hold (sha256 {lines[1].Sha256})",
            lines[1].Refusal(1000)
        );
        Assert.Equal((3, "after"), (lines[2].Number, lines[2].Text));
    }

    [Fact]
    public void A100MillionCharacterLineIsReadWithoutHoldingIt()
    {
        var reader = new RepeatingReader(100_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var line = Assert.Single(BoundedLines.Read(reader, 1 << 20));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100_000_000, line.Length);
        // The buffers and the bound, not the line (200 MB as a string).
        Assert.InRange(allocated, 0, 8 << 20);
    }

    [Fact]
    public void ALineOfExactlyTheBoundIsReadAndOneMoreIsNot()
    {
        using var reader = new StringReader("abcd\nabcde\n\n   \nz");

        var lines = BoundedLines.Read(reader, 4).ToArray();

        Assert.Equal(["abcd", null, "", "   ", "z"], lines.Select(line => line.Text));
        Assert.Equal([4L, 5L, 0L, 3L, 1L], lines.Select(line => line.Length));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("abcde"u8)), lines[1].Sha256);
        Assert.Equal([false, false, true, true, false], lines.Select(line => line.IsBlank));
        Assert.False(lines[1].IsBlank);
        Assert.Throws<ArgumentOutOfRangeException>(() => BoundedLines.Read(new StringReader("x"), 0).ToArray());
    }

    [Fact]
    public void ALongLineSplitAcrossReadsIsHashedWholeAndTheNextIsFresh()
    {
        // Two 100 000-character lines, each over the 64 Ki-character buffer and the bound; the second is hashed on its
        // own.
        var first = new string('字', 100_000);
        var second = new string('b', 99_999) + "😀";
        using var reader = new StringReader(first + "\r\n" + second + "\rtail");

        var lines = BoundedLines.Read(reader, 70_000).ToArray();

        Assert.Equal(3, lines.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first))), lines[0].Sha256);
        Assert.Equal(
            (100_001L, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(second)))),
            (lines[1].Length, lines[1].Sha256)
        );
        Assert.Equal((3, "tail"), (lines[2].Number, lines[2].Text));
    }

    [Fact]
    public void AFileWithAByteOrderMarkReadsWithoutIt()
    {
        var path = Path.Combine(TestFolders.Create("slawatch-lines-").FullName, "bom.txt");
        File.WriteAllText(path, "首行\n次行", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(["首行", "次行"], BoundedLines.Read(path, 100).Select(line => line.Text));
    }

    /// <summary>A reader that hands out its text in the pieces given, so a newline can fall on any read's
    /// edge.</summary>
    private sealed class PiecesReader(params string[] pieces) : TextReader
    {
        private int _next;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_next == pieces.Length)
            {
                return 0;
            }

            var piece = pieces[_next++];
            piece.CopyTo(0, buffer, index, piece.Length);
            return piece.Length;
        }
    }

    private static List<string> ReadLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Theory]
    [InlineData(new[] { "a\r", "\nb" }, 2)]
    [InlineData(new[] { "a\r", "b" }, 2)]
    [InlineData(new[] { "a\r", "\r\nb" }, 3)]
    [InlineData(new[] { "a\r\n", "b" }, 2)]
    [InlineData(new[] { "a\r", "\n", "\n", "b" }, 3)]
    [InlineData(new[] { "a\r", "\r", "\r", "b\r" }, 4)]
    [InlineData(new[] { "\n", "\r\n", "x" }, 3)]
    [InlineData(new[] { "ab", "cd\n", "ef" }, 2)]
    [InlineData(new[] { "\r" }, 1)]
    public void NewlinesOnAReadsEdgeSplitAsReadLineSplits(string[] pieces, int count)
    {
        var lines = BoundedLines.Read(new PiecesReader(pieces), 100).ToList();

        Assert.Equal(count, lines.Count);
        Assert.Equal(ReadLines(string.Concat(pieces)), lines.Select(line => line.Text!));
        Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(line => line.Number));
    }

    [Fact]
    public void ALineOfTheBoundAcrossReadsIsKeptAndOnePastAcrossReadsIsHashedWhole()
    {
        var lines = BoundedLines.Read(new PiecesReader("ab", "cd\nab", "cde", "\r\nz"), 4).ToList();

        Assert.Equal(["abcd", null, "z"], lines.Select(line => line.Text));
        Assert.Equal((5L, Convert.ToHexStringLower(SHA256.HashData("abcde"u8))), (lines[1].Length, lines[1].Sha256));
        Assert.Throws<ArgumentNullException>(() => BoundedLines.Read((TextReader)null!, 4).ToList());
    }

    /// <summary>A reader of one endless line, without newlines, that holds nothing itself.</summary>
    private sealed class RepeatingReader(long total) : TextReader
    {
        private long _left = total;

        public override int Read(char[] buffer, int index, int count)
        {
            var take = (int)Math.Min(count, _left);
            buffer.AsSpan(index, take).Fill('x');
            _left -= take;
            return take;
        }
    }
}
