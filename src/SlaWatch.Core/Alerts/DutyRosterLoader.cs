using System.Text.Json;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// Reads the duty parts of a policy (docs/alerts.md): a person's long form in <c>people</c> (their routes and
/// addresses), <c>onCall</c> (the rota) and <c>summaries</c> (晨会 / 夕会 times). Every mistake names its JSON path.
/// </summary>
internal static class DutyRosterLoader
{
    private static readonly string[] PersonFields =
    [
        "aliases",
        "roles",
        "channels",
        "email",
        "wecom",
        "dingtalk",
        "routes",
        "fallback",
        "quietHours",
    ];

    /// <summary>Whether a person is written in the long form (an object) rather than as a list of aliases.</summary>
    public static bool IsLongForm(JsonNodeReader person) => person.Element.ValueKind == JsonValueKind.Object;

    /// <summary>The aliases of a person in either form.</summary>
    public static IEnumerable<JsonNodeReader> Aliases(JsonNodeReader person)
    {
        return IsLongForm(person)
            ? person.RequireObject(PersonFields).Optional("aliases")?.Items() ?? []
            : person.Items();
    }

    /// <summary>A person in the long form (<c>{ "roles": ["supervisor"], "email": "…", "routes": [...] }</c>).
    /// </summary>
    public static DutyPerson Person(JsonNodeReader node, ChannelCatalog channels)
    {
        node.RequireObject(PersonFields);
        var person = new DutyPerson(node.Name)
        {
            Roles = Strings(node.Optional("roles")),
            Channels = Channels(node.Optional("channels"), channels),
            Email = node.Optional("email") is { } email ? Email(email) : null,
            WeComUserId = node.Optional("wecom")?.String().Trim(),
            DingTalkMobile = node.Optional("dingtalk") is { } mobile ? Mobile(mobile) : null,
            Routes = Strings(node.Optional("routes")),
            Fallback = Strings(node.Optional("fallback")),
            QuietHours = node.Optional("quietHours") is { } quiet ? Window(quiet) : null,
        };
        return
            person.Routes.Count > 0
            || (person.Email is null && person.WeComUserId is null && person.DingTalkMobile is null)
            ? person
            : throw node.Error("routes: missing (the routes every alert takes, e.g. [\"wecom-robot\", \"email\"])");
    }

    /// <summary>The roster from the people read in the long form, <c>onCall</c> and <c>summaries</c>.</summary>
    public static DutyRoster Roster(
        IReadOnlyList<DutyPerson> people,
        JsonNodeReader? onCall,
        JsonNodeReader? summaries,
        IReadOnlyDictionary<string, BusinessCalendar> calendars,
        ChannelCatalog channels
    )
    {
        ArgumentNullException.ThrowIfNull(people);
        var names = people.Select(person => person.Name).ToHashSet(StringComparer.Ordinal);
        var shifts = new List<RotaShift>();
        foreach (var line in onCall?.Items() ?? [])
        {
            line.RequireObject("role", "person", "channels", "calendar", "when", "days", "hours", "dates");
            var person = line.Required("person").String();
            if (!names.Contains(person))
            {
                throw line.Required("person")
                    .Error($"'{person}' is not one of the people written in the long form (with their routes)");
            }

            var (calendar, closed) = line.Optional("calendar") is { } calendarNode
                ? (SlaPolicyLoader.CalendarNamed(calendarNode, calendars), When(line.Optional("when")))
                : (null, line.Optional("when") is { } when ? throw when.Error("'when' needs a 'calendar'") : false);
            shifts.Add(
                new RotaShift(line.Required("role").String(), person)
                {
                    Channels = Channels(line.Optional("channels"), channels),
                    Calendar = calendar,
                    WhenClosed = closed,
                    Days = Days(line.Optional("days")),
                    Hours = line.Optional("hours") is { } hours ? Window(hours) : null,
                    Dates = line.Optional("dates")?.Items().Select(date => date.Date()).ToHashSet() ?? [],
                }
            );
        }

        return new DutyRoster(people, shifts) { Summaries = Summaries(summaries, calendars) };
    }

    private static List<SummarySchedule> Summaries(
        JsonNodeReader? found,
        IReadOnlyDictionary<string, BusinessCalendar> calendars
    )
    {
        if (found is not { } node)
        {
            return [];
        }

        node.RequireObject(SummarySchedule.Morning, SummarySchedule.Evening, "calendar");
        var calendar = node.Optional("calendar") is { } calendarNode
            ? SlaPolicyLoader.CalendarNamed(calendarNode, calendars)
            : null;
        return
        [
            .. new[] { SummarySchedule.Morning, SummarySchedule.Evening }
                .Where(kind => node.Optional(kind) is not null)
                .Select(kind => new SummarySchedule(kind, Wall(node.Required(kind))) { Calendar = calendar }),
        ];
    }

    private static TimeSpan Wall(JsonNodeReader node)
    {
        var text = node.String();
        return DailyWindow.TryParseWall(text, out var wall) && wall < TimeSpan.FromDays(1)
            ? wall
            : throw node.Error($"'{text}' is not a time written HH:mm (e.g. 08:45)");
    }

    private static bool When(JsonNodeReader? found) =>
        found is not { } node
            ? false
            : node.String() switch
            {
                "open" => false,
                "closed" => true,
                var other => throw node.Error($"'{other}' is not open or closed (when the calendar is open, or not)"),
            };

    private static HashSet<DayOfWeek> Days(JsonNodeReader? node) =>
        node?.Items()
            .Select(day =>
                WallTime.TryParseDay(day.String().ToLowerInvariant(), out var weekday)
                    ? weekday
                    : throw day.Error($"'{day.String()}' is not a day: mon, tue, wed, thu, fri, sat or sun")
            )
            .ToHashSet()
        ?? [];

    private static DailyWindow Window(JsonNodeReader node) =>
        DailyWindow.TryParse(node.String(), out var window)
            ? window
            : throw node.Error($"'{node.String()}' is not a span of hours written HH:mm-HH:mm (e.g. 22:00-08:00)");

    private static HashSet<Channel> Channels(JsonNodeReader? node, ChannelCatalog channels) =>
        node?.Items()
            .Select(item =>
                channels.TryParse(item.String(), out var channel)
                    ? channel
                    : throw item.Error($"'{item.String()}' is not a channel; known: {channels.Known}")
            )
            .ToHashSet()
        ?? [];

    private static string[] Strings(JsonNodeReader? node) =>
        node?.Items().Select(item => item.String().Trim()).ToArray() ?? [];

    private static string Email(JsonNodeReader node)
    {
        var text = node.String().Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace)
            ? text
            : throw node.Error($"'{text}' is not an e-mail address");
    }

    private static string Mobile(JsonNodeReader node)
    {
        var text = node.String().Trim();
        return text.Length is >= 5 and <= 20 && text.All(char.IsAsciiDigit)
            ? text
            : throw node.Error("a mobile number is digits only, as DingTalk @-mentions it (e.g. 13800138000)");
    }
}
