using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Staffing;
using SlaWatch.Core.Time;
using static System.FormattableString;

namespace SlaWatch.Rendering;

/// <summary>A staffing plan as text: the pools and their assumptions, agents needed by hour and weekday, and against a
/// roster the shortfall (−) and surplus (+) of each hour. Numbers are culture-invariant; words follow the language.
/// The staffing page shares its words (<see cref="Duration"/>, <see cref="Kind"/>).</summary>
public static class StaffingText
{
    private static readonly DayOfWeek[] Week =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
        DayOfWeek.Saturday,
        DayOfWeek.Sunday,
    ];

    public static void Write(TextWriter output, StaffingPlan plan, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        string Pick(string english, string zh) => chinese ? zh : english;
        var span = DateWords.Span(plan.From, plan.To, chinese);
        output.WriteLine(
            Pick(
                $"Staffing {span} ({plan.TimeZone}): agents needed per hour of the week",
                $"人力测算 {span}（{Zone(plan.TimeZone, chinese)}）：每周各时段所需坐席"
            )
        );
        foreach (var pool in plan.Pools)
        {
            output.WriteLine("  " + Pool(pool, chinese));
        }

        Grid(output, plan, chinese, hour => hour.Needed.ToString(CultureInfo.InvariantCulture));
        if (plan.Roster is not { } gap)
        {
            return;
        }

        output.WriteLine(
            Pick(
                Invariant($"Roster: {Number(gap.RosteredHours)} agent-hours rostered, {gap.NeededHours} needed; ")
                    + Invariant(
                        $"{Number(gap.ShortHours)} short over {gap.HoursShort} hours, {Number(gap.OverHours)} over"
                    ),
                Invariant($"排班：已排 {Number(gap.RosteredHours)} 人·小时，需要 {gap.NeededHours} 人·小时；缺口 ")
                    + Invariant(
                        $"{Number(gap.ShortHours)} 人·小时（{gap.HoursShort} 个时段），富余 {Number(gap.OverHours)} 人·小时"
                    )
            )
        );
        output.WriteLine(Pick("Short (-) and over (+) by hour:", "各时段缺口（-）与富余（+）："));
        Grid(output, plan, chinese, hour => hour.Shortfall > 0 ? "-" + Number(hour.Shortfall.Value)
            : hour.Surplus > 0 ? "+" + Number(hour.Surplus.Value)
            : "0");
    }

    private static string Pool(StaffingPool pool, bool chinese)
    {
        var handling = Duration(pool.Handling, chinese);
        var within = Duration(pool.Target, chinese);
        var share = Number(pool.TargetShare * 100);
        return (pool.Kind, chinese) switch
        {
            (ChannelKind.Phone, false) => Invariant(
                $"Phone: {pool.Arrivals} calls, Erlang C, handling {handling}, {share}% answered within {within}"
            ),
            (ChannelKind.Phone, true) => Invariant(
                $"电话：{pool.Arrivals} 个来电，Erlang C，处理时长 {handling}，{share}% 在 {within}内接起"
            ),
            (ChannelKind.Chat, false) => Invariant(
                $"Chat: {pool.Arrivals} chats, Erlang C, handling {handling}, {pool.ContactsPerAgent} at once, "
            ) + Invariant($"{share}% answered within {within}"),
            (ChannelKind.Chat, true) => Invariant(
                $"在线会话：{pool.Arrivals} 个，Erlang C，处理时长 {handling}，每人同时 {pool.ContactsPerAgent} 个，"
            ) + Invariant($"{share}% 在 {within}内响应"),
            (_, false) => Invariant(
                $"E-mail: {pool.Arrivals} messages, workload, handling {handling}, acknowledged within {within}"
            ),
            (_, true) => Invariant($"邮件：{pool.Arrivals} 封，工作量模型，处理时长 {handling}，{within}内确认"),
        };
    }

    private static void Grid(TextWriter output, StaffingPlan plan, bool chinese, Func<StaffingHour, string> cell)
    {
        var days = DateWords.WeekdaysFromMonday(chinese);
        output.WriteLine(
            (chinese ? "时段" : "Hour").PadRight(6) + string.Concat(days.Select(day => day.PadLeft(chinese ? 5 : 6)))
        );
        for (var hour = 0; hour < 24; hour++)
        {
            var row = string.Concat(
                Week.Select(day => cell(plan.Hours[StaffingPlanner.HourOfWeek(day, hour)]).PadLeft(6))
            );
            output.WriteLine(hour.ToString("00", CultureInfo.InvariantCulture) + ":00" + row);
        }
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A handling time or target in the language's unit: 15s, 4m, 1h; 15 秒, 4 分钟, 1 小时.</summary>
    public static string Duration(TimeSpan span, bool chinese)
    {
        var (value, en, zh) =
            span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? (span.TotalHours, "h", " 小时")
            : span.TotalMinutes >= 1 && span.TotalMinutes == Math.Floor(span.TotalMinutes)
                ? (span.TotalMinutes, "m", " 分钟")
            : (span.TotalSeconds, "s", " 秒");
        return Number(value) + (chinese ? zh : en);
    }

    /// <summary>A pool's name: Phone, Chat, E-mail; 电话, 在线会话, 邮件.</summary>
    public static string Kind(ChannelKind kind, bool chinese) =>
        (kind, chinese) switch
        {
            (ChannelKind.Phone, false) => "Phone",
            (ChannelKind.Phone, true) => "电话",
            (ChannelKind.Chat, false) => "Chat",
            (ChannelKind.Chat, true) => "在线会话",
            (_, false) => "E-mail",
            _ => "邮件",
        };

    /// <summary>A zone as the reader names it: 北京时间 for China's, the IANA name otherwise.</summary>
    public static string Zone(string zone, bool chinese) => chinese && zone == "Asia/Shanghai" ? "北京时间" : zone;
}
