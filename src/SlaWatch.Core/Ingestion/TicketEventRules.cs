using System.Globalization;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>What makes an event impossible to record, or null when it is fine.</summary>
public static class TicketEventRules
{
    public static string? Problem(TicketEvent item, DateTimeOffset now)
    {
        if (item.At == default)
        {
            return "at: missing";
        }

        if (item.At > now + ContactValidator.FutureTolerance)
        {
            return $"at: {item.At:O} is in the future (now {now:O}); events are recorded as they happen";
        }

        if (string.IsNullOrWhiteSpace(item.Actor))
        {
            return "actor: missing; say who did it (e.g. 客服A, 工号001)";
        }

        return item switch
        {
            Received => "kind: a ticket is created by a contact, not by an event",
            SatisfactionRated rating when rating.ScaleMax is not (3 or 5 or 10) =>
                "scale: use 3 (满意/一般/不满意), 5 or 10",
            SatisfactionRated rating
                when rating.Score < (rating.ScaleMax == 10 ? 0 : 1) || rating.Score > rating.ScaleMax => string.Create(
                CultureInfo.InvariantCulture,
                $"rating: {rating.Score} is outside the {(rating.ScaleMax == 10 ? 0 : 1)}-{rating.ScaleMax} scale"
            ),
            Assigned { Owner: var owner } when string.IsNullOrWhiteSpace(owner) => "owner: missing",
            OverdueReason { Reason: var reason } when string.IsNullOrWhiteSpace(reason) => "reason: missing",
            CategoryChanged { Category: var category } when string.IsNullOrWhiteSpace(category) => "category: missing",
            RemarkAdded { Text: var text } when string.IsNullOrWhiteSpace(text) => "text: missing (the remark)",
            _ => null,
        };
    }
}
