using System.Text;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Core.Tests.Ingestion;

public class RawInputTests
{
    [Fact]
    public void BytesAreMadeTextOnlyWhenTheTextIsAskedFor()
    {
        var made = 0;
        var raw = RawInput.Of([0xE5, 0x95, 0x8A], bytes => $"{++made}:{bytes.Length}");

        Assert.Equal(0, made);
        Assert.Equal("1:3", raw.Text);
        Assert.Equal(1, made);
    }

    [Fact]
    public void EachFormGivesItsText()
    {
        Assert.Equal("订单 #7", RawInput.FromUtf8(Encoding.UTF8.GetBytes("订单 #7")).Text);
        Assert.Equal("as sent", RawInput.FromString("as sent").Text);
        RawInput given = "given";
        Assert.Equal("given", given.Text);
        Assert.Null(RawInput.None.Text);
        Assert.Equal(RawInput.FromString("订单"), RawInput.FromUtf8(Encoding.UTF8.GetBytes("订单")));
    }
}
