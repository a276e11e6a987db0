namespace SlaWatch.Cli.Tests;

/// <summary>The time left a long run shows, as a person reads it.</summary>
public sealed class RunProgressTests
{
    [Theory]
    [InlineData(0.4, "1 s")]
    [InlineData(89, "89 s")]
    [InlineData(90, "2 min")]
    [InlineData(3_000, "50 min")]
    [InlineData(5_400, "1 h 30 min")]
    [InlineData(37_000, "10 h 16 min")]
    public void TimeLeftIsInSecondsMinutesOrHours(double seconds, string shown) =>
        Assert.Equal(shown, RunProgress.Left(TimeSpan.FromSeconds(seconds)));
}
