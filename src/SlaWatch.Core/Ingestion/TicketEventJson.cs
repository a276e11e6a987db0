using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>The event kinds of the input format and the fields each one takes.</summary>
internal static class TicketEventJson
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "acknowledged",
        "agentResponse",
        "customerMessage",
        "status",
        "priority",
        "category",
        "assigned",
        "satisfaction",
        "resolutionPromised",
        "overdueReason",
        "customerConfirmed",
        "escalated",
        "remark",
    ];

    public static TicketEvent Parse(Fields fields)
    {
        var at = fields.Instant("at");
        var actor = fields.String("actor");
        var source = fields.OptionalString("sourceId");
        var kind = fields.String("kind");
        return kind switch
        {
            "acknowledged" => new Acknowledged(at, actor, source),
            "agentResponse" => new AgentResponse(at, actor, source, Excerpts.Of(fields.OptionalString("text"))),
            "customerMessage" => new CustomerMessage(at, actor, source, Excerpts.Of(fields.OptionalString("text"))),
            "status" => new StatusChanged(
                at,
                actor,
                source,
                Status(fields.String("status")),
                fields.OptionalString("note") ?? fields.OptionalString("solution")
            ),
            "priority" => new PriorityChanged(
                at,
                actor,
                source,
                Fields.PriorityOf("priority", fields.String("priority"))
            ),
            "category" => new CategoryChanged(at, actor, source, fields.String("category")),
            "remark" => new RemarkAdded(at, actor, source, fields.String("text")),
            "assigned" => new Assigned(at, actor, source, fields.String("owner"), fields.OptionalString("executor")),
            "satisfaction" => Satisfaction(fields, at, actor, source),
            "resolutionPromised" => new ResolutionPromised(at, actor, source, fields.Instant("promisedBy")),
            "overdueReason" => new OverdueReason(
                at,
                actor,
                source,
                fields.String("reason"),
                fields.OptionalString("metric") is { } metric ? Metric(metric) : null
            ),
            "customerConfirmed" => new CustomerConfirmed(
                at,
                actor,
                source,
                Outcome(fields.String("outcome")),
                fields.OptionalString("comment")
            ),
            "escalated" => new Escalated(
                at,
                actor,
                source,
                Metric(fields.String("metric")),
                fields.OptionalInteger("level") ?? throw new InputException("level", "missing")
            ),
            _ => throw new InputException("kind", $"'{kind}' is not an event kind; use {string.Join(", ", Kinds)}"),
        };
    }

    private static SatisfactionRated Satisfaction(Fields fields, DateTimeOffset at, string actor, string? source)
    {
        var rating = fields.String("rating");
        var comment = fields.OptionalString("comment");
        var level = rating.Trim().ToLowerInvariant() switch
        {
            "满意" or "satisfied" => 3,
            "一般" or "neutral" => 2,
            "不满意" or "dissatisfied" => 1,
            _ => 0,
        };
        if (level > 0)
        {
            return new SatisfactionRated(at, actor, source, level, 3, comment);
        }

        var score = fields.OptionalInteger("rating") ?? throw new InputException("rating", "missing");
        var scale = fields.OptionalInteger("scale") ?? 5;
        return new SatisfactionRated(at, actor, source, score, scale, comment);
    }

    private static TicketStatus Status(string text) =>
        text.Trim() switch
        {
            "open" or "处理中" => TicketStatus.Open,
            "pendingCustomer" or "pending" or "等待客户" => TicketStatus.PendingCustomer,
            "onHold" or "挂起" => TicketStatus.OnHold,
            "resolved" or "已解决" => TicketStatus.Resolved,
            "closed" or "已关闭" => TicketStatus.Closed,
            "reopened" or "重新打开" => TicketStatus.Reopened,
            _ => throw new InputException(
                "status",
                $"'{text}' is not a status; use open, pendingCustomer, onHold, resolved, closed, reopened"
            ),
        };

    private static Confirmation Outcome(string text) =>
        text.Trim() switch
        {
            "resolved" or "已解决" => Confirmation.Resolved,
            "partiallyResolved" or "部分解决" => Confirmation.PartiallyResolved,
            "notResolved" or "未解决" => Confirmation.NotResolved,
            _ => throw new InputException(
                "outcome",
                $"'{text}' is not an outcome; use resolved, partiallyResolved, notResolved (已解决, 部分解决, 未解决)"
            ),
        };

    private static SlaMetric Metric(string text) =>
        SlaMetricNames.TryParse(text, out var metric)
            ? metric
            : throw new InputException(
                "metric",
                $"'{text}' is not a metric; use {string.Join(", ", SlaMetricNames.Known)}"
            );
}
