using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>A ticket, its events and its clocks at an instant, as one JSON-ready document (<c>ticket show --json</c>,
/// the TicketGet function).</summary>
public static class TicketDocument
{
    public static object Of(StoredTicket stored, SlaPolicy policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(policy);
        var zone = policy.TimeZone;
        var clocks = SlaClockCalculator.Compute(stored.Events, policy, at);
        return new
        {
            ticket = Describe(ContactMasking.InFreeText(stored.State, policy.PhoneMask), policy),
            events = stored.Events.Select(item => new
            {
                type = EventJson.TypeName(item),
                at = Instant(item.At, zone),
                actor = item.Actor,
                from = item.From,
                recordedAt = Instant(item.RecordedAt, zone),
                sourceRef = item.SourceRef,
                data = JsonDocument
                    .Parse(EventJson.Serialize(ContactMasking.InEvent(item, policy.PhoneMask)))
                    .RootElement,
            }),
            clocks = clocks.Select(clock => new
            {
                metric = clock.Metric.Key(),
                state = clock.State.ToString(),
                rule = clock.Rule,
                target = clock.TargetDescription,
                cycle = clock.Cycle,
                due = Instant(clock.Due, zone),
                warnAt = Instant(clock.WarnAt, zone),
                stoppedAt = Instant(clock.StoppedAt, zone),
                elapsedSeconds = (long)clock.Elapsed.TotalSeconds,
                remainingSeconds = (long)clock.Remaining.TotalSeconds,
                escalations = clock.Escalations.Select(level => new
                {
                    level = level.Level,
                    notify = level.Notify,
                    at = Instant(level.At, zone),
                }),
            }),
        };
    }

    private static string? Instant(DateTimeOffset? instant, TimeZoneInfo zone) =>
        Core.Time.InstantText.Format(instant, zone);

    private static object Describe(Ticket ticket, SlaPolicy policy)
    {
        var (zone, channels) = (policy.TimeZone, policy.Channels);
        return new
        {
            number = ticket.Number?.ToString(),
            id = ticket.Id,
            reference = ticket.Reference,
            channel = ticket.Channel.Key,
            channelName = new
            {
                zh = channels.NameOf(ticket.Channel, true),
                en = channels.NameOf(ticket.Channel, false),
            },
            priority = ticket.Priority.Key(),
            category = ticket.Category,
            tier = ticket.CustomerTier,
            status = ticket.Status.ToString(),
            owner = ticket.Owner,
            executor = ticket.Executor,
            customer = ticket.Customer.Masked,
            customerKey = ticket.Customer.Key,
            subject = ticket.Subject,
            receivedAt = Instant(ticket.ReceivedAt, zone),
            acknowledgedAt = Instant(ticket.AcknowledgedAt, zone),
            firstResponseAt = Instant(ticket.FirstResponseAt, zone),
            resolvedAt = Instant(ticket.ResolvedAt, zone),
            closedAt = Instant(ticket.ClosedAt, zone),
            promisedResolutionBy = Instant(ticket.PromisedResolutionBy, zone),
            reopenCount = ticket.ReopenCount,
            firstContactResolved = ticket.FirstContactResolved(channels.KindOf(ticket.Channel)),
            solution = ticket.Solution,
            remarks = ticket.Remarks,
            overdueReason = ticket.OverdueReason,
            satisfaction = ticket.Satisfaction is { } rating
                ? new
                {
                    score = rating.Score,
                    scale = rating.ScaleMax,
                    satisfied = rating.IsSatisfied,
                    comment = rating.Comment,
                }
                : null,
            confirmation = ticket.CustomerConfirmation?.ToString(),
            confirmedAt = Instant(ticket.ConfirmedAt, zone),
        };
    }
}
