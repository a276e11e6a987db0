using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// Who is on duty (docs/alerts.md): the people alerts reach, the on-call rota, and when the morning and evening
/// summaries (晨会 / 夕会) go out. A role the rota names is held by the rota's lines alone; a role it does not name is
/// held by every person given that role who covers the ticket's channel.
/// </summary>
public sealed class DutyRoster
{
    private readonly Dictionary<string, DutyPerson> _people;

    public DutyRoster(IEnumerable<DutyPerson> people, IReadOnlyList<RotaShift> shifts)
    {
        ArgumentNullException.ThrowIfNull(people);
        _people = people.ToDictionary(person => person.Name, StringComparer.Ordinal);
        Shifts = shifts ?? throw new ArgumentNullException(nameof(shifts));
        foreach (var shift in shifts.Where(shift => !_people.ContainsKey(shift.Person)))
        {
            throw new ArgumentException($"the rota names {shift.Person}, who is not among the people", nameof(shifts));
        }
    }

    public static DutyRoster None { get; } = new([], []);

    public IReadOnlyDictionary<string, DutyPerson> People => _people;

    public IReadOnlyList<RotaShift> Shifts { get; }

    /// <summary>When the summaries go out; none when the policy names no times.</summary>
    public IReadOnlyList<SummarySchedule> Summaries { get; init; } = [];

    /// <summary>Whether anyone can be reached: without people, alerts stay on the topic and the webhook.</summary>
    public bool IsEmpty => _people.Count == 0;

    public DutyPerson? Person(string? name) =>
        name is not null && _people.TryGetValue(name, out var person) ? person : null;

    /// <summary>The people holding <paramref name="role"/> for a ticket of <paramref name="channel"/> at
    /// <paramref name="at"/>, in the rota's (or the directory's) order; any channel when none is given.</summary>
    public IReadOnlyList<DutyPerson> OnDuty(string role, Channel? channel, DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(role);
        var lines = Shifts.Where(shift => shift.Role == role).ToList();
        if (lines.Count == 0)
        {
            return [.. _people.Values.Where(person => person.Roles.Contains(role) && person.Covers(channel))];
        }

        var holding = lines.Where(shift => shift.Holds(channel, at, zone)).ToList();
        if (holding.Any(shift => shift.IsStandIn))
        {
            holding = [.. holding.Where(shift => shift.IsStandIn)];
        }

        return
        [
            .. holding.Select(shift => shift.Person).Distinct(StringComparer.Ordinal).Select(name => _people[name]),
        ];
    }
}

/// <summary>A summary sent each day at <see cref="At"/> (wall time in the policy's zone): <c>morning</c> (晨会) or
/// <c>evening</c> (夕会); with a calendar, only on its working days.</summary>
public sealed record SummarySchedule(string Kind, TimeSpan At)
{
    public Calendars.BusinessCalendar? Calendar { get; init; }

    public const string Morning = "morning";

    public const string Evening = "evening";
}
