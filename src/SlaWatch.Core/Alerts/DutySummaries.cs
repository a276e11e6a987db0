using System.Globalization;
using System.Text;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Alerts;

/// <summary>A summary handed to a team's people: to whom, by which route, delivered or not.</summary>
public sealed record SummarySent(string Kind, string Team, DateOnly Day, IReadOnlyList<RouteAttempt> Attempts)
{
    public bool Delivered => Attempts.Any(attempt => attempt.Delivered);
}

/// <summary>
/// The 晨会 / 夕会 rhythm (docs/alerts.md): at the policy's times, each team's people get a summary in Chinese — the
/// morning the day before's figures, the evening today's so far, both with what is open now, breached and at risk,
/// each ticket linked to the workbench. Each team's summary goes once a day (claimed in the ledger, released when no
/// route delivered it, so the next run tries again), and only within <see cref="Grace"/> of its time: a run after a
/// long outage does not send the morning's at night.
/// </summary>
public sealed class DutySummaries(
    SlaPolicy policy,
    ReportService reports,
    Backlog backlog,
    INotificationLedger ledger,
    AlertDelivery delivery,
    AlertOptions options,
    TimeProvider time
)
{
    public const string AllTeams = "全部";

    public static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    public const int MaxTickets = 10;

    /// <summary>Sends each summary whose time has come today and that has not gone yet.</summary>
    public async Task<IReadOnlyList<SummarySent>> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = ZoneMapping.LocalDate(policy.TimeZone, now);
        var sent = new List<SummarySent>();
        foreach (var schedule in policy.Duty.Summaries)
        {
            var at = ZoneMapping.StartOfDay(policy.TimeZone, today) + schedule.At;
            if (now < at || now - at > Grace || schedule.Calendar is { } calendar && !WorkingDay(calendar, today))
            {
                continue;
            }

            // A team no one can be reached in is not claimed: nothing would be sent, again and again.
            foreach (var team in Teams().Where(team => Recipients(team).Count > 0))
            {
                var scope = string.Create(CultureInfo.InvariantCulture, $"summary-{today:yyyy-MM-dd}");
                var key = $"{schedule.Kind}|{team}";
                if (!await ledger.TryClaimAsync(scope, key, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var summary = await SendAsync(schedule.Kind, team, cancellationToken).ConfigureAwait(false);
                if (!summary.Delivered)
                {
                    await ledger.ReleaseAsync(scope, key, cancellationToken).ConfigureAwait(false);
                }

                sent.Add(summary);
            }
        }

        return sent;
    }

    /// <summary>The teams summaries go to: the policy's, or the whole department when it names none.</summary>
    public IReadOnlyList<string> Teams() =>
        policy.Teams.Members.Count > 0 ? [.. policy.Teams.Members.Keys] : [AllTeams];

    /// <summary>Sends one team's <paramref name="kind"/> summary now (<c>slawatch alerts summary</c>).</summary>
    public async Task<SummarySent> SendAsync(string kind, string team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        var now = time.GetUtcNow();
        var today = ZoneMapping.LocalDate(policy.TimeZone, now);
        var morning = kind == SummarySchedule.Morning;
        var day = morning ? today.AddDays(-1) : today;
        var figures = morning
            ? (await reports.DayAsync(day, cancellationToken).ConfigureAwait(false)).Figures
            : await reports.FiguresSoFarAsync(day, cancellationToken).ConfigureAwait(false);
        var open = await backlog.AtAsync(null, cancellationToken).ConfigureAwait(false);
        var text = Text(kind, team, today, day, FiguresOf(figures, team), [.. open.Where(row => InTeam(row, team))]);
        var people = Recipients(team);
        var attempts = await delivery
            .DeliverAsync(people, (_, addresses, _) => text with { Addresses = addresses }, cancellationToken)
            .ConfigureAwait(false);
        return new SummarySent(kind, team, today, attempts);
    }

    private IReadOnlyList<DutyPerson> Recipients(string team) =>
        team == AllTeams
            ? [.. policy.Duty.People.Values]
            :
            [
                .. policy.Duty.People.Values.Where(person =>
                    policy.People.NamesOf(person.Name).Any(name => policy.Teams.TeamOf(name) == team)
                ),
            ];

    private bool InTeam(BacklogRow row, string team) =>
        team == AllTeams
        || row.Owner is null
        || policy.People.NamesOf(row.Owner).Any(name => policy.Teams.TeamOf(name) == team);

    private static DayFigures FiguresOf(IReadOnlyDictionary<string, DayFigures> figures, string team) =>
        figures.TryGetValue(team == AllTeams ? "all" : $"team:{team}", out var found) ? found : new DayFigures();

    private AlertMessage Text(
        string kind,
        string team,
        DateOnly today,
        DateOnly day,
        DayFigures figures,
        IReadOnlyList<BacklogRow> open
    )
    {
        var title =
            $"{(kind == SummarySchedule.Morning ? "晨会" : "夕会")}摘要 · {team} · {DateWords.Day(today, chinese: true)}";
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"### {title}\n");
        text.Append(
            c,
            $"**{(kind == SummarySchedule.Morning ? "昨日" : "今日截至目前")}（{DateWords.Day(day, chinese: true)}）**\n"
        );
        text.Append(
            c,
            $"- 受理 {figures.Received} 张，已解决 {figures.Resolved} 张，解决率 {Percent(figures.ResolutionRate)}\n"
        );
        text.Append(
            c,
            $"- 首次响应达标率 {Percent(figures.Attainment.GetValueOrDefault("firstResponse")?.Percent)}，"
                + $"平均首次响应 {Minutes(figures.FirstResponse.Mean)}，中位数 {Minutes(figures.FirstResponse.Median)}\n"
        );
        text.Append(c, $"- 超时 {figures.Breaches} 次，超时未填原因 {figures.OverdueWithoutReason} 张\n");
        if (figures.ScoreOutOfFive.Mean is { } score)
        {
            text.Append(c, $"- 满意度 {score:0.0} / 5\n");
        }

        var breached = open.Where(row => row.State == "breached").ToList();
        var atRisk = open.Where(row => row.State == "warning").ToList();
        text.Append(
            c,
            $"**当前未结 {open.Count} 张**：已超时 {breached.Count} 张，即将超时 {atRisk.Count} 张，"
                + $"待领取 {open.Count(row => row.Owner is null)} 张\n"
        );
        foreach (var row in breached.Concat(atRisk).Take(MaxTickets))
        {
            var due = row.NextDue is { } next
                ? TimeZoneInfo.ConvertTime(next, policy.TimeZone).ToString("MM-dd HH:mm", c)
                : "-";
            var link = AlertText.Link(options.Workbench, row.TicketId);
            text.Append(
                c,
                $"- {(row.State == "breached" ? "已超时" : "即将超时")} {row.Number} 截止 {due} "
                    + $"负责人 {row.Owner ?? "未领取"} [打开]({link})\n"
            );
        }

        return new AlertMessage(title, text.ToString(), []);
    }

    private static string Percent(double? value) =>
        value is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Minutes(double? value) =>
        value is { } minutes ? minutes.ToString("0.0", CultureInfo.InvariantCulture) + " 分钟" : "—";

    // A working day: the calendar opens at some point of it.
    private static bool WorkingDay(BusinessCalendar calendar, DateOnly day)
    {
        var start = ZoneMapping.StartOfDay(calendar.TimeZone, day);
        var next = calendar.NextOpen(start);
        return next < ZoneMapping.StartOfDay(calendar.TimeZone, day.AddDays(1));
    }
}
