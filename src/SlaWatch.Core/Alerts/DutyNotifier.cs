using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// The last mile of an announcement (docs/alerts.md): its role resolved to the people on duty at the instant it was
/// reached (the ticket's owner; the rota's supervisor for that channel at that hour), passing to the clock's next level
/// — and saying so — when no one is on duty or everyone is in quiet hours; each person reached by their routes in
/// order. Every try is on the ticket's timeline (<see cref="AlertSent"/>); what reached no one is kept in
/// <see cref="IUndeliveredAlerts"/>. It never throws for a failed delivery: the topic and the webhook already have the
/// announcement, and a scan announcing again would repeat it to everyone.
/// </summary>
public sealed class DutyNotifier(
    SlaPolicy policy,
    ClassificationRules rules,
    AlertDelivery delivery,
    TicketEventService events,
    IUndeliveredAlerts undelivered,
    AlertOptions options,
    TimeProvider time
) : INotifier
{
    public const string Actor = "alerts";

    private readonly ReportLabels _labels = new(chinese: true, rules, policy.Channels);

    private sealed record Reached(Announcement Item, string Role, IReadOnlyList<DutyPerson> People, List<string> Notes);

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (policy.Duty.IsEmpty)
        {
            return;
        }

        var reached = notification.Items.Select(Resolve).ToList();
        var byPerson = reached
            .SelectMany(item => item.People.Select(person => (person, item)))
            .GroupBy(pair => pair.person, pair => pair.item)
            .ToDictionary(group => group.Key, group => group.ToList());
        var attempts = await delivery
            .DeliverAsync(
                [.. byPerson.Keys],
                (people, addresses, kind) => Compose(people, addresses, kind, byPerson),
                cancellationToken
            )
            .ConfigureAwait(false);
        await RecordAsync(reached, attempts, cancellationToken).ConfigureAwait(false);
        foreach (var anomaly in notification.Alerts)
        {
            await AnnounceAsync(anomaly, notification.Recipient, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The people on duty for the announcement's role, or the first later level that has someone
    /// awake.</summary>
    private Reached Resolve(Announcement item)
    {
        var notes = new List<string>();
        foreach (var role in new[] { item.Recipient }.Concat(item.Later.Select(role => Role(role, item))).Distinct())
        {
            var (people, note) = Awake(role, item.Channel, item.ReachedAt, item.Owner);
            if (people.Count > 0)
            {
                return new Reached(item, role, people, notes);
            }

            notes.Add(note!);
        }

        return new Reached(item, item.Recipient, [], notes);
    }

    private (IReadOnlyList<DutyPerson> People, string? Note) Awake(
        string role,
        Channel? channel,
        DateTimeOffset at,
        string? owner
    )
    {
        var onDuty = role.StartsWith("owner:", StringComparison.Ordinal)
            ? policy.Duty.Person(policy.People.NameOf(owner)) is { } person
                ? [person]
                : []
            : policy.Duty.OnDuty(role, channel, at, policy.TimeZone);
        if (onDuty.Count == 0)
        {
            return ([], $"{AlertText.RoleName(role)} 无人值班，转下一级");
        }

        var wall = Calendars.ZoneMapping.ToLocal(policy.TimeZone, at.UtcDateTime).TimeOfDay;
        var awake = onDuty.Where(person => person.QuietHours is not { } quiet || !quiet.Contains(wall)).ToList();
        return awake.Count > 0
            ? (awake, null)
            : (
                [],
                $"{AlertText.RoleName(role)}（{string.Join("、", onDuty.Select(p => p.Name))}）在免打扰时段，转下一级"
            );
    }

    private static string Role(string notify, Announcement item) =>
        notify == "owner" ? $"owner:{item.Owner ?? "unassigned"}" : notify;

    private AlertMessage Compose(
        IReadOnlyList<DutyPerson> people,
        IReadOnlyList<string> addresses,
        AlertAddress kind,
        Dictionary<DutyPerson, List<Reached>> byPerson
    )
    {
        var items = people.SelectMany(person => byPerson[person]).Distinct().ToList();
        var announcements = items.Select(item => item.Item).OrderBy(item => item.ReachedAt).ToList();
        return AlertText.Message(
            [.. announcements.Select(item => AlertText.Line(_labels, policy.TimeZone, options.Workbench, item))],
            [.. items.SelectMany(item => item.Notes)],
            kind,
            addresses,
            AlertText.Title(announcements)
        );
    }

    private async Task RecordAsync(
        List<Reached> reached,
        IReadOnlyList<RouteAttempt> attempts,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        foreach (var ticket in reached.GroupBy(item => item.Item.TicketId))
        {
            var sent = ticket
                .SelectMany(item =>
                    attempts
                        .Where(attempt => item.People.Contains(attempt.Person))
                        .Select(attempt =>
                            (TicketEvent)
                                new AlertSent(
                                    now,
                                    Actor,
                                    $"alert:{item.Item.Key}|{attempt.Person.Name}|{attempt.Route}",
                                    item.Item.Metric,
                                    item.Item.Level,
                                    item.Role,
                                    attempt.Person.Name,
                                    attempt.Route,
                                    attempt.Delivered,
                                    attempt.Reason
                                )
                        )
                )
                .ToList();
            if (sent.Count > 0)
            {
                await events
                    .RecordAllAsync(ticket.Key, sent, Actor, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }

            foreach (var item in ticket)
            {
                await KeepUndeliveredAsync(item, attempts, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task KeepUndeliveredAsync(
        Reached item,
        IReadOnlyList<RouteAttempt> attempts,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var lost =
            item.People.Count == 0
                ? [(Person: (string?)null, Reason: string.Join("；", item.Notes))]
                : item
                    .People.Where(person => !attempts.Any(attempt => attempt.Person == person && attempt.Delivered))
                    .Select(person =>
                        (
                            Person: (string?)person.Name,
                            Reason: string.Join(
                                "；",
                                attempts
                                    .Where(attempt => attempt.Person == person)
                                    .Select(attempt => $"{attempt.Route}: {attempt.Reason}")
                            )
                        )
                    )
                    .ToList();
        foreach (var (person, reason) in lost)
        {
            await undelivered
                .KeepAsync(
                    new UndeliveredAlert(
                        $"{item.Item.Id}|{person ?? "-"}",
                        now,
                        item.Item.TicketId,
                        item.Item.TicketNumber,
                        item.Item.Metric,
                        item.Item.Kind,
                        item.Item.Level,
                        item.Role,
                        person,
                        reason
                    ),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
    }

    /// <summary>An early warning (volume, category streak) to the people on duty for its role.</summary>
    private async Task AnnounceAsync(AnomalyAlert alert, string role, CancellationToken cancellationToken)
    {
        var (people, note) = Awake(role, null, time.GetUtcNow(), null);
        var line = _labels.Alert(alert);
        var attempts = await delivery
            .DeliverAsync(
                people,
                (_, addresses, kind) => AlertText.Message([line], [], kind, addresses, $"预警：{line}"),
                cancellationToken
            )
            .ConfigureAwait(false);
        if (people.Count == 0 || !attempts.Any(attempt => attempt.Delivered))
        {
            var reason = note ?? string.Join("；", attempts.Select(attempt => $"{attempt.Route}: {attempt.Reason}"));
            await undelivered
                .KeepAsync(
                    new UndeliveredAlert(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"anomaly|{alert.Day:yyyy-MM-dd}|{alert.Rule}|{alert.Key}|L{alert.Level}"
                        ),
                        time.GetUtcNow(),
                        string.Empty,
                        "-",
                        SlaMetric.FirstResponse,
                        $"anomaly-{alert.Rule}",
                        alert.Level,
                        role,
                        null,
                        reason
                    ),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
    }
}
