using SlaWatch.Channels.Phone;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// Where each layout keeps each field, recognised from the first row: Asterisk's cdr-csv with each number of optional
/// columns, cdr_custom's Master.csv, and a header row under its other names.
/// </summary>
public class CdrLayoutTests
{
    private const string Start = "2026-11-16 10:00:00";
    private const string Answer = "2026-11-16 10:00:08";
    private const string End = "2026-11-16 10:02:00";

    /// <summary>A cdr-csv row whose cells name their own column, <paramref name="extras"/> after amaflags.</summary>
    private static string[] CdrCsv(params string[] extras) =>
        [
            "accountcode",
            "src",
            "dst",
            "dcontext",
            "clid",
            "channel",
            "dstchannel",
            "lastapp",
            "lastdata",
            Start,
            Answer,
            End,
            "duration",
            "billsec",
            "disposition",
            "amaflags",
            .. extras,
        ];

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "uniqueid" }, new[] { "uniqueid" })]
    [InlineData(new[] { "uniqueid", "userfield" }, new[] { "uniqueid", "userfield" })]
    [InlineData(new[] { "peeraccount", "linkedid", "sequence" }, new[] { "peeraccount", "linkedid", "sequence" })]
    [InlineData(
        new[] { "uniqueid", "peeraccount", "linkedid", "sequence" },
        new[] { "uniqueid", "peeraccount", "linkedid", "sequence" }
    )]
    [InlineData(
        new[] { "uniqueid", "userfield", "peeraccount", "linkedid", "sequence" },
        new[] { "uniqueid", "userfield", "peeraccount", "linkedid", "sequence" }
    )]
    public void CdrCsvNamesItsOptionalColumnsByHowManyThereAre(string[] extras, string[] named)
    {
        var row = CdrCsv(extras);

        var (layout, problem) = CdrLayout.Detect(row);

        Assert.Null(problem);
        Assert.Equal(("cdr-csv", false, 15), (layout!.Name, layout.HasHeader, layout.MinimumColumns));
        foreach (var name in new[] { "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel" })
        {
            Assert.Equal(name, layout.Field(row, name));
        }

        Assert.Equal(
            (Start, Answer, End),
            (layout.Field(row, "start"), layout.Field(row, "answer"), layout.Field(row, "end"))
        );
        Assert.Equal("disposition", layout.Field(row, "disposition"));
        foreach (var name in new[] { "uniqueid", "userfield", "peeraccount", "linkedid", "sequence" })
        {
            Assert.Equal(named.Contains(name) ? name : string.Empty, layout.Field(row, name));
        }
    }

    [Fact]
    public void CdrCustomsMasterCsvKeepsClidFirstAndAccountcodeAfterAmaflags()
    {
        string[] row =
        [
            "clid",
            "src",
            "dst",
            "dcontext",
            "channel",
            "dstchannel",
            "lastapp",
            "lastdata",
            Start,
            Answer,
            End,
            "duration",
            "billsec",
            "disposition",
            "amaflags",
            "accountcode",
            "uniqueid",
            "userfield",
            "sequence",
        ];

        var (layout, problem) = CdrLayout.Detect(row);

        Assert.Null(problem);
        Assert.Equal(("cdr_custom Master.csv", false, 14), (layout!.Name, layout.HasHeader, layout.MinimumColumns));
        foreach (var name in row.Where(cell => !cell.StartsWith("2026", StringComparison.Ordinal)))
        {
            Assert.Equal(name, layout.Field(row, name));
        }

        Assert.Equal((Start, End), (layout.Field(row, "start"), layout.Field(row, "end")));
    }

    [Theory]
    [InlineData("calldate", "start")]
    [InlineData("starttime", "start")]
    [InlineData("source", "src")]
    [InlineData("destination", "dst")]
    [InlineData("callerid", "clid")]
    [InlineData("destinationchannel", "dstchannel")]
    [InlineData("lastapplication", "lastapp")]
    [InlineData("answertime", "answer")]
    [InlineData("endtime", "end")]
    [InlineData("CallDate", "start")]
    public void AHeaderRowMayNameAColumnByItsOtherName(string header, string field)
    {
        string[] canonical = ["src", "dst", "clid", "dstchannel", "lastapp", "start", "answer", "end", "disposition"];
        var names = canonical.Select(name => name == field ? header : name).ToArray();
        var row = canonical.Select((_, index) => $"v{index}").ToArray();

        var (layout, problem) = CdrLayout.Detect(names);

        Assert.Null(problem);
        Assert.Equal(("header row", true), (layout!.Name, layout.HasHeader));
        Assert.Equal($"v{Array.IndexOf(canonical, field)}", layout.Field(row, field));
    }

    [Fact]
    public void AHeaderRowNeedsStartDispositionAndACallerAndReadsFieldsTrimmed()
    {
        string[] header = [" clid ", "START", "answer", "end", "disposition", "dstchannel"];
        string[] row = ["  13912341522 ", Start, Answer, End, "ANSWERED", "SIP/2001"];

        var (layout, _) = CdrLayout.Detect(header);

        Assert.Equal(("13912341522", 5), (layout!.Field(row, "clid"), layout.MinimumColumns));
        Assert.Equal(string.Empty, layout.Field(row, "uniqueid"));
        Assert.Equal(string.Empty, layout.Field(row[..2], "disposition"));
        Assert.Null(CdrLayout.Detect(["src", "start", "end"]).Layout);
        Assert.Null(CdrLayout.Detect(["src", "disposition", "end"]).Layout);
        Assert.Null(CdrLayout.Detect(["dst", "start", "disposition"]).Layout);
        Assert.NotNull(CdrLayout.Detect(["src", "start", "disposition"]).Layout);
    }

    [Fact]
    public void DateTimesWithATAreRecognisedAndARowOfNoLayoutIsRefusedSayingWhatWouldDo()
    {
        var withT = CdrCsv();
        withT[9] = "2026-11-16T10:00:00";
        withT[11] = "2026-11-16T10:02:00";
        var onlyStart = CdrCsv();
        onlyStart[11] = "later";

        Assert.Equal("cdr-csv", CdrLayout.Detect(withT).Layout!.Name);
        var (layout, problem) = CdrLayout.Detect(onlyStart);
        Assert.Null(layout);
        Assert.Equal(
            "not a call log layout SlaWatch reads: 16 columns, and no date-time where Asterisk's cdr-csv puts start "
                + "and end (columns 10 and 12) nor where cdr_custom's Master.csv puts them (columns 9 and 11); add a "
                + "header row naming the columns (src or clid, start, answer, end, disposition, dstchannel, lastapp, "
                + "uniqueid, linkedid)",
            problem
        );
        Assert.Null(CdrLayout.Detect(["13800138008", "8000", Start]).Layout);
    }
}
