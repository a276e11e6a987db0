using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// One ticket as a flat row for spreadsheets: attributes (the channel by its key and the policy's two names), key
/// instants in the policy's zone (with its offset), first-response and resolution times in open (business) and wall
/// time, as minutes and as whole seconds (a phone target is seconds long), each clock's state and whether it
/// breached, reopens, rating, the masked contact, and what the team recorded: its own reference, the executor, the
/// solution, remarks, the promised time and the customer's confirmation.
/// </summary>
public sealed record TicketExportRow(
    string Number,
    string Id,
    string Channel,
    string ChannelNameZh,
    string ChannelNameEn,
    string? Category,
    string Priority,
    string? Owner,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    double? FirstResponseOpenMinutes,
    double? FirstResponseWallMinutes,
    double? ResolutionOpenMinutes,
    double? ResolutionWallMinutes,
    long? FirstResponseOpenSeconds,
    long? FirstResponseWallSeconds,
    long? ResolutionOpenSeconds,
    long? ResolutionWallSeconds,
    string? AcknowledgementClock,
    string? FirstResponseClock,
    string? ResolutionClock,
    string? PromiseClock,
    bool Breached,
    int ReopenCount,
    bool FirstContactResolved,
    int? Rating,
    int? RatingScale,
    string? RatingComment,
    string Customer,
    string? OverdueReason,
    string? Reference,
    string? Executor,
    string? Solution,
    string? Remarks,
    DateTimeOffset? PromisedBy,
    string? Confirmation,
    DateTimeOffset? ConfirmedAt
)
{
    public static TicketExportRow From(StoredTicket stored, SlaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(policy);
        var ticket = ContactMasking.InFreeText(stored.State, policy.PhoneMask);
        var clocks = SlaClockCalculator.Compute(stored.Events, policy, now).ToDictionary(clock => clock.Metric);
        string? State(SlaMetric metric) => clocks.TryGetValue(metric, out var clock) ? clock.State.ToString() : null;
        TimeSpan? Open(SlaMetric metric, DateTimeOffset? reached) =>
            reached is not null && clocks.TryGetValue(metric, out var clock) ? clock.Elapsed : null;
        TimeSpan? Wall(DateTimeOffset? reached) => reached is { } at ? at - ticket.ReceivedAt : null;
        double? Minutes(TimeSpan? span) => span is { } value ? Math.Round(value.TotalMinutes, 2) : null;
        long? Seconds(TimeSpan? span) => span is { } value ? (long)Math.Round(value.TotalSeconds) : null;
        DateTimeOffset? Local(DateTimeOffset? instant) =>
            instant is { } at ? TimeZoneInfo.ConvertTime(at, policy.TimeZone) : null;
        var (firstOpen, firstWall) = (
            Open(SlaMetric.FirstResponse, ticket.FirstResponseAt),
            Wall(ticket.FirstResponseAt)
        );
        var (resolutionOpen, resolutionWall) = (Open(SlaMetric.Resolution, ticket.ResolvedAt), Wall(ticket.ResolvedAt));
        return new TicketExportRow(
            stored.Number.ToString(),
            stored.Id,
            ticket.Channel.Key,
            policy.Channels.NameOf(ticket.Channel, chinese: true),
            policy.Channels.NameOf(ticket.Channel, chinese: false),
            ticket.Category,
            ticket.Priority.Key(),
            ticket.Owner,
            ticket.Status.ToString(),
            Local(ticket.ReceivedAt)!.Value,
            Local(ticket.AcknowledgedAt),
            Local(ticket.FirstResponseAt),
            Local(ticket.ResolvedAt),
            Local(ticket.ClosedAt),
            Minutes(firstOpen),
            Minutes(firstWall),
            Minutes(resolutionOpen),
            Minutes(resolutionWall),
            Seconds(firstOpen),
            Seconds(firstWall),
            Seconds(resolutionOpen),
            Seconds(resolutionWall),
            State(SlaMetric.Acknowledgement),
            State(SlaMetric.FirstResponse),
            State(SlaMetric.Resolution),
            State(SlaMetric.PromisedResolution),
            clocks.Values.Any(clock => clock.State == ClockState.Breached),
            ticket.ReopenCount,
            ticket.FirstContactResolved(policy.Channels.KindOf(ticket.Channel)),
            ticket.Satisfaction?.Score,
            ticket.Satisfaction?.ScaleMax,
            ticket.Satisfaction?.Comment,
            ticket.Customer.Masked,
            ticket.OverdueReason,
            ticket.Reference,
            ticket.Executor,
            ticket.Solution,
            ticket.Remarks,
            Local(ticket.PromisedResolutionBy),
            ticket.CustomerConfirmation is { } verdict
                ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString())
                : null,
            Local(ticket.ConfirmedAt)
        );
    }
}
