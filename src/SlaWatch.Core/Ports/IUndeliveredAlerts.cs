using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Ports;

/// <summary>
/// Alerts no route delivered (the UndeliveredAlerts table): kept for people to see (<c>slawatch alerts
/// undelivered</c>, the board), by the UTC day they were given up on.
/// </summary>
public interface IUndeliveredAlerts
{
    Task KeepAsync(UndeliveredAlert alert, CancellationToken cancellationToken = default);

    /// <summary>Those given up on from <paramref name="first"/> to <paramref name="last"/> (UTC days, inclusive),
    /// oldest first.</summary>
    Task<IReadOnlyList<UndeliveredAlert>> ReadAsync(
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken = default
    );
}

/// <summary>
/// An alert that reached no one: for whom (the person, or none when no one was on duty) and why, with the routes
/// tried. <see cref="Id"/> makes keeping it twice keep it once.
/// </summary>
public sealed record UndeliveredAlert(
    string Id,
    DateTimeOffset At,
    string TicketId,
    string TicketNumber,
    SlaMetric Metric,
    string Kind,
    int Level,
    string Role,
    string? Person,
    string Reason
);
