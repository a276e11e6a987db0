using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

public class CalendarCommandTests
{
    [Theory]
    [InlineData("2026-02-13T17:30:00+08:00", "1d", "2026-02-14T17:30:00+08:00")]
    [InlineData("2026-02-13T17:30:00+08:00", "1h", "2026-02-14T09:30:00+08:00")]
    [InlineData("2026-02-13T09:30:00Z", "90s", "2026-02-13T17:31:30+08:00")]
    [InlineData("2026-11-16T10:00:00+08:00", "-90m", "2026-11-13T17:30:00+08:00")]
    [InlineData("2026-11-16T10:00:00+08:00", "-2d", "2026-11-12T10:00:00+08:00")]
    [InlineData("2026-11-16T10:00", "3h", "2026-11-16T14:00:00+08:00")]
    public void AddPrintsTheInstantWithTheCalendarsOffset(string start, string duration, string expected)
    {
        var result = Cli.Run("calendar", "add", "--calendar", Cli.Office, "--start", start, "--duration", duration);
        Assert.Equal((0, expected), (result.ExitCode, result.Line));
    }

    [Fact]
    public void EveryCalendarCommandSpeaksJson()
    {
        string Json(params string[] args)
        {
            var result = Cli.Run([.. args, "--calendar", Cli.Office, "--json"]);
            Assert.Equal(0, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            return document.RootElement.GetRawText();
        }

        Assert.Equal(
            """{"result":"2026-02-14T17:30:00+08:00"}""",
            Json("calendar", "add", "--start", "2026-02-13T17:30:00+08:00", "--duration", "1d")
        );
        Assert.Equal(
            """{"seconds":28800}""",
            Json("calendar", "elapsed", "--start", "2026-11-16T09:00:00+08:00", "--end", "2026-11-17T09:00:00+08:00")
        );
        Assert.Equal(
            """{"seconds":-28800}""",
            Json("calendar", "elapsed", "--start", "2026-11-17T09:00:00+08:00", "--end", "2026-11-16T09:00:00+08:00")
        );
        Assert.Equal("""{"open":false}""", Json("calendar", "open", "--at", "2026-02-16T10:00:00+08:00"));
        Assert.Equal("""{"open":true}""", Json("calendar", "open", "--at", "2026-02-14T10:00:00+08:00"));
        Assert.Equal(
            """{"result":"2026-02-24T09:00:00+08:00"}""",
            Json("calendar", "next", "--at", "2026-02-14T18:00:00+08:00")
        );
    }

    [Fact]
    public void TextOutputIsOneValue()
    {
        Assert.Equal(
            "1800",
            Cli.Run(
                "calendar",
                "elapsed",
                "--calendar",
                Cli.Office,
                "--start",
                "2026-11-16T11:45:00+08:00",
                "--end",
                "2026-11-16T13:15:00+08:00"
            ).Line
        );
        Assert.Equal(
            "true",
            Cli.Run("calendar", "open", "--calendar", Cli.Office, "--at", "2026-11-16T09:00:00+08:00").Line
        );
        Assert.Equal(
            "2026-11-16T13:00:00+08:00",
            Cli.Run("calendar", "next", "--calendar", Cli.Office, "--at", "2026-11-16T12:00:00+08:00").Line
        );
    }

    [Theory]
    [InlineData("--duration", "5x", "--duration: '5x' is not a duration")]
    [InlineData("--duration", "", "--duration is required")]
    [InlineData("--start", "yesterday", "--start: 'yesterday' is not an ISO 8601 instant")]
    [InlineData("--start", "2026-13-01T00:00:00Z", "--start: '2026-13-01T00:00:00Z' is not an ISO 8601 instant")]
    public void BadValuesExitWithTwoAndOneLineNamingTheOption(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--calendar"] = Cli.Office,
            ["--start"] = "2026-11-16T10:00:00+08:00",
            ["--duration"] = "1h",
        };
        args[option] = value;
        var result = Cli.Run(["calendar", "add", .. args.SelectMany(pair => new[] { pair.Key, pair.Value })]);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void AMissingOptionIsBadInput()
    {
        var result = Cli.Run("calendar", "add", "--calendar", Cli.Office, "--start", "2026-11-16T10:00:00+08:00");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--duration", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedCalendarFileIsNamedWithItsPath()
    {
        var file = Cli.TempFile("broken.json", """{"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","26:00"]]}}""");
        var result = Cli.Run("calendar", "open", "--calendar", file, "--at", "2026-11-16T10:00:00+08:00");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}: $.week.mon[0][1]: '26:00' is not a time", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealProcessExitsWithTheDocumentedCodes()
    {
        var ok = Cli.RunProcess(
            "calendar",
            "add",
            "--calendar",
            Cli.Office,
            "--start",
            "2026-02-13T17:30:00+08:00",
            "--duration",
            "1d",
            "--json"
        );
        Assert.Equal((0, """{"result":"2026-02-14T17:30:00+08:00"}"""), (ok.ExitCode, ok.Line));

        var bad = Cli.RunProcess("calendar", "open", "--calendar", "no-such.json", "--at", "2026-11-16T10:00:00+08:00");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Error.TrimEnd().Split('\n'));
        Assert.Contains("no-such.json", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportAddsAYearAndABrokenFeedExitsWithTwoNamingItsLine()
    {
        var folder = TestFolders.Create("slawatch-cli-import-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Cli.Office)!))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var office = Path.Combine(folder, Path.GetFileName(Cli.Office));
            var notice = Path.Combine(folder, "notice-2027.json");
            File.WriteAllText(notice, """{"source":"draft","holidays":["2027-01-01"],"workingDays":["2027-01-02"]}""");
            var broken = Path.Combine(folder, "broken.ics");
            File.WriteAllText(
                broken,
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20270101T090000\r\nEND:VEVENT\r\n"
                    + "END:VCALENDAR\r\n"
            );

            var imported = Cli.Run("calendar", "import", notice, "--calendar", office);
            var again = Cli.Run("calendar", "import", notice, "--calendar", office, "--json");
            var refused = Cli.Run("calendar", "import", broken, "--calendar", office);
            var open = Cli.Run("calendar", "open", "--calendar", office, "--at", "2027-01-01T10:00:00+08:00");

            Assert.Equal(
                (
                    0,
                    "holidays-2027.json: 1 holidays and 1 make-up working days, 2027-01-01 to 2027-12-31, written; "
                        + "shanghai-office.json now includes it"
                ),
                (imported.ExitCode, imported.Line)
            );
            using var json = JsonDocument.Parse(again.Out);
            Assert.False(json.RootElement.GetProperty("written").GetBoolean());
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains(
                "broken.ics: line 3: DTSTART: the event has a time of day",
                refused.Error,
                StringComparison.Ordinal
            );
            Assert.Equal((0, "false"), (open.ExitCode, open.Line));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
