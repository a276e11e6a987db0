using System.Security.Cryptography;
using System.Text;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Tests.Text;

public class ShortDigestTests
{
    [Theory]
    [InlineData("")]
    [InlineData("email\nsource\n<m1@x>")]
    [InlineData("客服A 的工单")]
    public void ANameIsThePrefixAndTheFirstBytesOfTheTextsSha256(string text)
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));

        Assert.Equal("t" + expected, ShortDigest.Of("t", 12, text));
        Assert.Equal("evt:" + expected[..16], ShortDigest.OfBytes("evt:", 8, Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void PartsAreHashedAsTheTextTheyMakeEvenWhenLongerThanTheStack()
    {
        var longKey = string.Concat(Enumerable.Repeat("线程-thread-", 400));
        var whole = "chat\nthread\n" + longKey;

        Assert.Equal(ShortDigest.Of("t", 12, whole), ShortDigest.Of("t", 12, "chat", "\nthread\n", longKey));
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(whole))),
            ShortDigest.Of(string.Empty, 32, "chat\nthread\n", longKey)
        );
    }

    [Fact]
    public void MoreBytesThanTheHashHasAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortDigest.Of("t", 33, "text"));
}
