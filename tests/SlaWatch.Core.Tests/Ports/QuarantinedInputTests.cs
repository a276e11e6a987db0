using System.Security.Cryptography;
using System.Text;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Tests.Ports;

public class QuarantinedInputTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void InputUpToTheBoundIsKeptWhole()
    {
        var input = new QuarantinedInput("input", At, "test", "bad", new string('a', QuarantinedInput.MaxKeptChars));
        Assert.Same(input, input.Bounded());
    }

    [Fact]
    public void LongerInputKeepsItsHeadAndNamesTheRestBySizeAndHash()
    {
        var raw = new string('a', QuarantinedInput.MaxKeptChars) + "tail";
        var kept = new QuarantinedInput("input", At, "test", "bad", raw).Bounded().Raw;

        Assert.Equal(
            new string('a', QuarantinedInput.MaxKeptChars)
                + $"\n[not kept: 4 more characters; the whole input was {raw.Length} bytes, sha256 {Sha256(raw)}]",
            kept
        );
    }

    [Fact]
    public void TheHeadNeverEndsInHalfASurrogatePair()
    {
        var raw = new string('a', QuarantinedInput.MaxKeptChars - 1) + "😀" + "字";
        var kept = new QuarantinedInput("input", At, "test", "bad", raw).Bounded().Raw;

        Assert.StartsWith(
            new string('a', QuarantinedInput.MaxKeptChars - 1)
                + "\n[not kept: 3 more characters; the whole input was "
                + Encoding.UTF8.GetByteCount(raw)
                + " bytes",
            kept,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ABodyNotKeptIsNamedBySizeAndHash() =>
        Assert.Equal("body not kept: 12 bytes, sha256 ab", QuarantinedInput.NotKeptText(12, "ab"));
}
