using System.Text.Json;

namespace SlaWatch.Cli.Tests;

public class SlaCommandTests
{
    [Fact]
    public void DuePrintsEachMetricsDueAndWarningInstants()
    {
        var result = Cli.Run(
            "sla",
            "due",
            "--policy",
            Cli.Policy,
            "--channel",
            "email",
            "--priority",
            "紧急",
            "--received",
            "2026-11-16T09:30:00+08:00",
            "--json"
        );
        Assert.Equal(0, result.ExitCode);

        using var document = JsonDocument.Parse(result.Out);
        var byMetric = document
            .RootElement.EnumerateArray()
            .ToDictionary(
                item => item.GetProperty("metric").GetString()!,
                item => (item.GetProperty("due").GetString(), item.GetProperty("warnAt").GetString())
            );
        Assert.Equal(("2026-11-16T10:30:00+08:00", "2026-11-16T10:15:00+08:00"), byMetric["acknowledgement"]);
        Assert.Equal(("2026-11-16T09:45:00+08:00", "2026-11-16T09:41:15+08:00"), byMetric["firstResponse"]);
        Assert.Equal(("2026-11-17T09:30:00+08:00", "2026-11-17T03:30:00+08:00"), byMetric["resolution"]);
    }

    [Fact]
    public void ADueDatePastTheCalendarsHolidayDataIsComputedWithAWarning()
    {
        var covered = Cli.Run(
            "sla",
            "due",
            "--policy",
            Cli.Policy,
            "--channel",
            "web",
            "--priority",
            "建议",
            "--received",
            "2026-12-01T09:30:00+08:00"
        );
        // Spring Festival 2027 is not in the shipped holiday set: the answer would silently count it as working days.
        var beyond = Cli.Run(
            "sla",
            "due",
            "--policy",
            Cli.Policy,
            "--channel",
            "web",
            "--priority",
            "建议",
            "--received",
            "2027-02-05T17:30:00+08:00"
        );

        Assert.Equal((0, 0), (covered.ExitCode, beyond.ExitCode));
        Assert.Equal(string.Empty, covered.Error);
        var warning = Assert.Single(beyond.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(
            "calendar 'office' has no holiday data for 2027 (it covers 2025-01-01 to 2026-12-31)",
            warning,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ASuggestionBeforeSpringFestivalIsDueOnTheMakeUpSaturday()
    {
        var result = Cli.Run(
            "sla",
            "due",
            "--policy",
            Cli.Policy,
            "--channel",
            "web",
            "--priority",
            "建议",
            "--received",
            "2026-02-13T17:30:00+08:00"
        );
        Assert.Equal(0, result.ExitCode);
        var firstResponse = result
            .Out.Split('\n')
            .Single(line => line.TrimStart().StartsWith("firstResponse", StringComparison.Ordinal));
        Assert.Contains("2026-02-14T17:30:00+08:00", firstResponse, StringComparison.Ordinal);
        Assert.Contains("1 working day", firstResponse, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--channel", "fax", "--channel: 'fax' is not a channel")]
    [InlineData("--priority", "critical", "--priority: 'critical' is not a priority")]
    [InlineData("--received", "soon", "--received: 'soon' is not an ISO 8601 instant")]
    public void BadTicketAttributesAreBadInput(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--policy"] = Cli.Policy,
            ["--channel"] = "chat",
            ["--priority"] = "normal",
            ["--received"] = "2026-11-16T10:00:00+08:00",
        };
        args[option] = value;
        var result = Cli.Run(["sla", "due", .. args.SelectMany(pair => new[] { pair.Key, pair.Value })]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AContradictoryPolicyIsRefusedNamingFileAndPath()
    {
        var file = Cli.TempFile(
            "policy.json",
            """
            {"version":"x","timeZone":"Asia/Shanghai","calendars":{"all":{"timeZone":"Asia/Shanghai",
              "week":{"mon":[["00:00","24:00"]]}}},
             "defaults":{"calendar":"all"},
             "rules":[{"name":"everything","targets":{"firstResponse":"2h"}},{"name":"chat",
               "match":{"channels":["chat"]},"targets":{"firstResponse":"5m"}}]}
            """
        );
        var result = Cli.Run(
            "sla",
            "due",
            "--policy",
            file,
            "--channel",
            "chat",
            "--priority",
            "normal",
            "--received",
            "2026-11-16T10:00:00+08:00"
        );
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"{file}: $.rules[1].targets.firstResponse: never applies",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void TheDemoRunsTheWorkedExamples()
    {
        var result = Cli.RunProcess("demo");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-11-17T09:45:00+08:00", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-02-14T17:30:00+08:00", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 breached clock(s)", result.Out, StringComparison.Ordinal);
    }
}
