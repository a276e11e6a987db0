using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Staffing;
using SlaWatch.Rendering;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch staffing --from D --to D [--roster FILE] [handling and target options] [--json] [--lang zh-CN]</c>:
/// agents needed per hour of the week from the period's arrivals, and against a roster the hours short and over.
/// </summary>
internal static class StaffingCommand
{
    public static Command Create(CliOutput output)
    {
        var from = CommonOptions.Text("--from", "The period's first local day (YYYY-MM-DD).");
        var to = CommonOptions.Text("--to", "The period's last local day (YYYY-MM-DD); at most 366 days.");
        var roster = CommonOptions.Text(
            "--roster",
            "A weekly roster, CSV: person,day,from,to (day Mon-Sun, 周一-周日 or 1-7; times HH:mm).",
            required: false
        );
        // Each defaults to the policy's staffing (docs/sla-policy.md), itself 4m, 8m, 6m, 3, 80 and 85 by default.
        var phone = Handling("--phone-handling", "a call");
        var chat = Handling("--chat-handling", "a chat");
        var mail = Handling("--mail-handling", "an e-mail");
        var chats = new Option<int?>("--chats-per-agent")
        {
            Description = "Chats one agent holds at once (1-20; default: the policy's).",
        };
        var level = new Option<int?>("--service-level")
        {
            Description =
                "Percent of calls and chats answered within their first-response target (1-99; default: the policy's).",
        };
        var occupancy = new Option<int?>("--max-occupancy")
        {
            Description = "The most of an hour, in percent, an agent is kept busy (1-100; default: the policy's).",
        };
        var json = CommonOptions.Json();
        var lang = CommonOptions.Lang();
        var store = new StoreOptions(output);
        var command = new Command(
            "staffing",
            "Agents needed per hour of the week from a period's arrivals: Erlang C for calls and chats, the workload "
                + "for e-mail; against a roster, the hours short and over."
        )
        {
            from,
            to,
            roster,
            phone,
            chat,
            mail,
            chats,
            level,
            occupancy,
            json,
            lang,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var first = InputParsing.Date("--from", result.GetValue(from));
                var last = InputParsing.Date("--to", result.GetValue(to));
                // Read before the store is opened: a bad option stops the command at once.
                var given = (
                    Phone: Time("--phone-handling", result.GetValue(phone)),
                    Chat: Time("--chat-handling", result.GetValue(chat)),
                    Mail: Time("--mail-handling", result.GetValue(mail)),
                    Chats: Within("--chats-per-agent", result.GetValue(chats), 1, 20),
                    Level: Within("--service-level", result.GetValue(level), 1, 99),
                    Occupancy: Within("--max-occupancy", result.GetValue(occupancy), 1, 100)
                );
                if (last < first || last.DayNumber - first.DayNumber >= StaffingPlanner.MaxDays)
                {
                    throw new UsageException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"--to: a period from --from of 1 to {StaffingPlanner.MaxDays} days"
                        )
                    );
                }

                var rostered = result.GetValue(roster) is { } path
                    ? Roster.Read(new StringReader(InputFiles.ReadText(path, Roster.MaxBytes, "roster")))
                    : null;
                await using var services = store.Compose(result);
                var policy = services.Get<Core.Policies.SlaPolicy>().Staffing;
                var options = policy with
                {
                    PhoneHandling = given.Phone ?? policy.PhoneHandling,
                    ChatHandling = given.Chat ?? policy.ChatHandling,
                    MailHandling = given.Mail ?? policy.MailHandling,
                    ChatsPerAgent = given.Chats ?? policy.ChatsPerAgent,
                    TargetShare = given.Level / 100.0 ?? policy.TargetShare,
                    MaxOccupancy = given.Occupancy / 100.0 ?? policy.MaxOccupancy,
                };
                var plan = await services
                    .Get<StaffingPlanner>()
                    .PlanAsync(first, last, options, rostered, cancellationToken)
                    .ConfigureAwait(false);
                if (result.GetValue(json))
                {
                    output.WriteJson(plan);
                    return;
                }

                StaffingText.Write(output.Out, plan, CommonOptions.Chinese(result, lang));
            }
        );
        return command;
    }

    private static Option<string> Handling(string name, string what) =>
        new(name) { Description = $"How long {what} takes to handle: 90s, 4m (default: the policy's)." };

    private static TimeSpan? Time(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var spec = InputParsing.Duration(option, text);
        return !spec.IsWorkingDays && spec.Time > TimeSpan.Zero && spec.Time <= TimeSpan.FromHours(8)
            ? spec.Time
            : throw new UsageException($"{option}: '{text}' is not a handling time above zero and at most 8h");
    }

    private static int? Within(string option, int? value, int least, int most) =>
        value is null || (value >= least && value <= most)
            ? value
            : throw new UsageException(
                string.Create(CultureInfo.InvariantCulture, $"{option}: {value} is not from {least} to {most}")
            );
}
