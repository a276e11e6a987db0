using System.Globalization;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Tests.Time;

public class InstantTextTests
{
    private static readonly string[] Offsets =
    [
        "Z",
        "+00:00",
        "-00:00",
        "+08:00",
        "-05:30",
        "+05:45",
        "+14:00",
        "-14:00",
        "-09:59",
    ];

    // Two thousand instants across the window and past its ends, each written with every offset and from none to
    // seven digits of a second: the strict reading equals the general parser's, offset included.
    [Fact]
    public void ReadsItsFormAsTheGeneralParserDoes()
    {
        var random = new Random(7);
        var checkedTexts = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var ticks = random.NextInt64(new DateTime(1990, 1, 1).Ticks, new DateTime(2110, 1, 1).Ticks);
            var wall = new DateTime(ticks, DateTimeKind.Unspecified);
            var digits = i % 8;
            var fraction =
                digits == 0 ? "" : "." + (ticks % 10_000_000).ToString("D7", CultureInfo.InvariantCulture)[..digits];
            foreach (var offset in Offsets)
            {
                var text = wall.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + offset;
                Assert.True(InstantText.TryParseExact(text, out var read), text);
                var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                Assert.Equal(expected.UtcTicks, read.UtcTicks);
                Assert.Equal(expected.Offset, read.Offset);
                checkedTexts++;
            }
        }

        Assert.Equal(18_000, checkedTexts);
    }

    [Fact]
    public void ReadsWhatItWrites()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var instant = new DateTimeOffset(2026, 2, 14, 9, 30, 5, TimeSpan.Zero);
        Assert.True(InstantText.TryParseExact(InstantText.Format(instant, zone), out var read));
        Assert.Equal(instant, read);
        Assert.Equal(TimeSpan.FromHours(8), read.Offset);
    }

    // Everything else is left to the callers' tolerant readers: no offset, another separator or case, a day, hour,
    // minute, second or offset out of range, eight digits of a second, an offset without its colon, digits that are
    // not ASCII, a space around, a year before the calendar's first, an instant before its first.
    [Theory]
    [InlineData("")]
    [InlineData("2026-11-16")]
    [InlineData("2026-11-16T09:30:00")]
    [InlineData("2026-11-16T09:30")]
    [InlineData("2026-11-16 09:30:00+08:00")]
    [InlineData("2026-11-16t09:30:00z")]
    [InlineData("2026/11/16T09:30:00Z")]
    [InlineData("2026-02-29T09:30:00Z")]
    [InlineData("2026-13-01T09:30:00Z")]
    [InlineData("2026-11-00T09:30:00Z")]
    [InlineData("2026-11-16T24:00:00Z")]
    [InlineData("2026-11-16T09:60:00Z")]
    [InlineData("2026-11-16T09:30:60Z")]
    [InlineData("2026-11-16T09:30:00+15:00")]
    [InlineData("2026-11-16T09:30:00+14:01")]
    [InlineData("2026-11-16T09:30:00+08:60")]
    [InlineData("2026-11-16T09:30:00+0800")]
    [InlineData("2026-11-16T09:30:00+08")]
    [InlineData("2026-11-16T09:30:00.Z")]
    [InlineData("2026-11-16T09:30:00.12345678Z")]
    [InlineData("2026-11-16T09:30:00,5Z")]
    [InlineData("２０２６-11-16T09:30:00Z")]
    [InlineData(" 2026-11-16T09:30:00Z")]
    [InlineData("2026-11-16T09:30:00Z ")]
    [InlineData("2026-11-16T09:30:00+08:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    public void LeavesOtherTextToTheCaller(string text)
    {
        Assert.False(InstantText.TryParseExact(text, out var read));
        Assert.Equal(default, read);
    }
}
