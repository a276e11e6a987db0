using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// One ticket as a flat row for spreadsheets: attributes, key instants, first-response and resolution times both in
/// open (business) minutes and wall minutes, each clock's state and whether it breached, reopens, rating, and the
/// masked contact.
/// </summary>
public sealed record TicketExportRow(
    string Number, string Id, string Channel, string? Category, string Priority, string? Owner, string Status,
    DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
    double? FirstResponseOpenMinutes, double? FirstResponseWallMinutes, double? ResolutionOpenMinutes, double? ResolutionWallMinutes,
    string? AcknowledgementClock, string? FirstResponseClock, string? ResolutionClock, string? PromiseClock, bool Breached,
    int ReopenCount, bool FirstContactResolved, int? Rating, int? RatingScale, string? RatingComment, string Customer, string? OverdueReason)
{
    public static TicketExportRow From(StoredTicket stored, SlaPolicy policy, DateTimeOffset now)
    {
        var ticket = stored.State;
        var clocks = SlaClockCalculator.Compute(stored.Events, policy, now).ToDictionary(clock => clock.Metric);
        string? State(SlaMetric metric) => clocks.TryGetValue(metric, out var clock) ? clock.State.ToString() : null;
        double? Open(SlaMetric metric, DateTimeOffset? reached) => reached is not null && clocks.TryGetValue(metric, out var clock) ? Math.Round(clock.Elapsed.TotalMinutes, 2) : null;
        double? Wall(DateTimeOffset? reached) => reached is { } at ? Math.Round((at - ticket.ReceivedAt).TotalMinutes, 2) : null;
        return new TicketExportRow(
            stored.Number.ToString(), stored.Id, ticket.Channel.Key(), ticket.Category, ticket.Priority.Key(), ticket.Owner, ticket.Status.ToString(),
            ticket.ReceivedAt, ticket.AcknowledgedAt, ticket.FirstResponseAt, ticket.ResolvedAt, ticket.ClosedAt,
            Open(SlaMetric.FirstResponse, ticket.FirstResponseAt), Wall(ticket.FirstResponseAt), Open(SlaMetric.Resolution, ticket.ResolvedAt), Wall(ticket.ResolvedAt),
            State(SlaMetric.Acknowledgement), State(SlaMetric.FirstResponse), State(SlaMetric.Resolution), State(SlaMetric.PromisedResolution),
            clocks.Values.Any(clock => clock.State == ClockState.Breached),
            ticket.ReopenCount, ticket.FirstContactResolved, ticket.Satisfaction?.Score, ticket.Satisfaction?.ScaleMax, ticket.Satisfaction?.Comment,
            ticket.Customer.Masked, ticket.OverdueReason);
    }
}
