using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>Text tables line up in a terminal where East Asian characters take two columns; CSV quotes what it
/// must.</summary>
public class TextTableTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    private static ReportView View(params string[] agents)
    {
        var figures = new Dictionary<string, DayFigures> { ["all"] = new() { Received = agents.Length } };
        foreach (var agent in agents)
        {
            figures[$"agent:{agent}"] = new DayFigures { Received = 1 };
        }

        return ReportView.For(
            new DailyAggregate(Day, Day, "v", Shipped.At("2026-11-17 00:05"), figures, []),
            Shipped.Policy
        );
    }

    // Each range's first and last wide character, and the narrow ones beside them.
    [Theory]
    [InlineData("\u10FF", 1)]
    [InlineData("\u1100", 2)]
    [InlineData("\u115F", 2)]
    [InlineData("\u1160", 1)]
    [InlineData("\u2E7F", 1)]
    [InlineData("\u2E80", 2)]
    [InlineData("\uA4CF", 2)]
    [InlineData("\uA4D0", 1)]
    [InlineData("\uABFF", 1)]
    [InlineData("\uAC00", 2)]
    [InlineData("\uD7A3", 2)]
    [InlineData("\uD7A4", 1)]
    [InlineData("\uF8FF", 1)]
    [InlineData("\uF900", 2)]
    [InlineData("\uFAFF", 2)]
    [InlineData("\uFB00", 1)]
    [InlineData("\uFEFF", 1)]
    [InlineData("\uFF00", 2)]
    [InlineData("\uFF60", 2)]
    [InlineData("\uFF61", 1)]
    public void AColumnIsPaddedByDisplayWidth(string name, int width)
    {
        var text = ReportText.Table(View(name), chinese: false);

        // The agent column is as wide as its header ("Agent", 5), then two spaces before the ticket count.
        Assert.Contains(
            Environment.NewLine + "  " + name + new string(' ', 7 - width) + "1 ",
            text,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ACsvCellWithACommaAQuoteOrALineBreakIsQuotedAndItsQuotesDoubled()
    {
        var csv = ReportText.Csv(View("Li, Si", "say \"hi\"", "plain", "Wang\nWu"), chinese: false);

        Assert.Contains(Environment.NewLine + "\"Li, Si\",1,", csv, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "\"say \"\"hi\"\"\",1,", csv, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "plain,1,", csv, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "\"Wang\nWu\",1,", csv, StringComparison.Ordinal);
        // The byte-order mark first, so Excel reads the Chinese a label may hold.
        Assert.StartsWith(
            "\uFEFFkey,label,value,unit,target,met,previous\nreceived,Tickets received,4,,,,",
            csv,
            StringComparison.Ordinal
        );
        Assert.Contains("resolutionRate,Resolution rate (confirmed),0,%,≥ 95%,false,", csv, StringComparison.Ordinal);
    }
}
