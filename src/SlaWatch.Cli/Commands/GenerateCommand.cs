using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Replay.Generation;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch generate</c>: a realistic replay input directory, the same for the same seed.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliOutput output)
    {
        var days = new Option<int>("--days") { Description = "How many days.", DefaultValueFactory = _ => 7 };
        var perDay = new Option<int>("--tickets-per-day")
        {
            Description = "Average new tickets a day (weekends fewer, the spike day more).",
            DefaultValueFactory = _ => 430,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed: the same seed writes the same files.",
            DefaultValueFactory = _ => 1,
        };
        var start = CommonOptions.Text(
            "--start",
            "First local day, YYYY-MM-DD (default: the Monday four weeks before today).",
            required: false
        );
        var outDirectory = CommonOptions.Text("--out", "Directory to write (created; existing files are overwritten).");
        var policy = new Option<string>("--policy")
        {
            Description = "SLA policy whose time zone the days are in.",
            DefaultValueFactory = _ => ShippedConfig.Path("sla-policy.json"),
        };
        var command = new Command(
            "generate",
            "Write sample input (mail, chat webhooks, call logs, agent events) for replay."
        )
        {
            days,
            perDay,
            seed,
            start,
            outDirectory,
            policy,
        };
        command.SetAction(result =>
        {
            var dayCount = result.GetValue(days);
            var tickets = result.GetValue(perDay);
            if (dayCount is < 1 or > 366)
            {
                throw new UsageException("--days: between 1 and 366");
            }

            if (tickets is < 1 or > 100_000)
            {
                throw new UsageException("--tickets-per-day: between 1 and 100000");
            }

            var zone = SlaPolicyLoader.Load(result.GetValue(policy)!).TimeZone;
            var first = result.GetValue(start) is { } text ? InputParsing.Date("--start", text) : DefaultStart();
            var directory = result.GetValue(outDirectory)!;
            var summary = new SampleGenerator(
                new SampleOptions(dayCount, tickets, result.GetValue(seed), first),
                zone
            ).Write(directory);
            output.Out.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"wrote {summary.Tickets:N0} tickets over {dayCount} days from {first:yyyy-MM-dd} to "
                        + $"{Path.GetFullPath(directory)}: {summary.Emails:N0} e-mails, {summary.ChatDeliveries:N0} "
                        + $"chat webhooks, {summary.Calls:N0} calls, {summary.Events:N0} agent and customer events"
                )
            );
            output.Out.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"volume spike on {summary.SpikeDay:yyyy-MM-dd}; a run of {summary.StreakCategory} tickets on "
                        + $"{summary.StreakDay:yyyy-MM-dd}"
                )
            );
            return SlawatchApp.Ok;
        });
        return command;
    }

    private static DateOnly DefaultStart()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(-28 - (((int)today.DayOfWeek + 6) % 7));
    }
}
