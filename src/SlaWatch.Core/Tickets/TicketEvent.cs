using System.Text.Json.Serialization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Tickets;

/// <summary>
/// Something that happened to a ticket, at an instant, by an actor, traceable to its source; with when it was
/// recorded here, whether a person entered it (so its instant is their word), and the instant it claimed when that
/// was before the ticket's arrival and was moved to the arrival.
/// </summary>
public abstract record TicketEvent(DateTimeOffset At, string Actor, string? SourceRef)
{
    // Declared here, all three in their order, only so Actor can be shared (NamePool: who acted recurs on many
    // tickets): the order is the order of the stored JSON, which derived references hash.
    public DateTimeOffset At { get; init; } = At;

    public string Actor { get; init; } = NamePool.Shared.Of(Actor);

    public string? SourceRef { get; init; } = SourceRef;

    /// <summary>When SlaWatch wrote it down (the writer's clock), beside <see cref="At"/>, when it happened.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Entered by a person (an event line, the events API, a spreadsheet row) rather than stamped by a
    /// machine.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Entered { get; init; }

    /// <summary>The instant the record claimed, when that was before its ticket's arrival: <see cref="At"/> is then the
    /// arrival.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StampedAt { get; init; }

    /// <summary>Where a person acted from (the client address a workbench request came from), for the
    /// audit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }
}

/// <summary>The first contact: creates the ticket.</summary>
public sealed record Received(
    DateTimeOffset At,
    string Actor,
    string? SourceRef,
    Channel Channel,
    Priority Priority,
    string? Category,
    CustomerRef Customer,
    string? Subject = null,
    string? CustomerTier = null,
    string? Excerpt = null,
    string? Reference = null,
    string? Remarks = null
) : TicketEvent(At, Actor, SourceRef)
{
    // Declared, the category and all after it in their order, only so the category can be shared (NamePool: a handful
    // of categories on every ticket, and a report tells tickets' dimensions apart by reference): the order is the
    // order of the stored JSON, which derived references hash.
    public string? Category { get; init; } = NamePool.Shared.Of(Category);

    public CustomerRef Customer { get; init; } = Customer;

    public string? Subject { get; init; } = Subject;

    public string? CustomerTier { get; init; } = CustomerTier;

    public string? Excerpt { get; init; } = Excerpt;

    public string? Reference { get; init; } = Reference;

    public string? Remarks { get; init; } = Remarks;
}

/// <summary>A further message from the customer; one sent while the ticket waits on them resumes its clocks.</summary>
public sealed record CustomerMessage(DateTimeOffset At, string Actor, string? SourceRef, string? Excerpt = null)
    : TicketEvent(At, Actor, SourceRef);

/// <summary>The customer was told the ticket was received (an automatic acknowledgement).</summary>
public sealed record Acknowledged(DateTimeOffset At, string Actor, string? SourceRef)
    : TicketEvent(At, Actor, SourceRef);

/// <summary>An agent answered the customer (a reply, a chat message, an answered call).</summary>
public sealed record AgentResponse(DateTimeOffset At, string Actor, string? SourceRef, string? Excerpt = null)
    : TicketEvent(At, Actor, SourceRef);

public sealed record StatusChanged(
    DateTimeOffset At,
    string Actor,
    string? SourceRef,
    TicketStatus Status,
    string? Note = null
) : TicketEvent(At, Actor, SourceRef);

public sealed record PriorityChanged(DateTimeOffset At, string Actor, string? SourceRef, Priority Priority)
    : TicketEvent(At, Actor, SourceRef);

public sealed record CategoryChanged(DateTimeOffset At, string Actor, string? SourceRef, string Category)
    : TicketEvent(At, Actor, SourceRef)
{
    public string Category { get; init; } = NamePool.Shared.Of(Category);
}

/// <summary>
/// The ticket's owner (责任人) set; with <paramref name="Executor"/> the one who carries the work out (处理人), where the
/// team names someone other than the owner.
/// </summary>
public sealed record Assigned(DateTimeOffset At, string Actor, string? SourceRef, string Owner, string? Executor = null)
    : TicketEvent(At, Actor, SourceRef)
{
    public string Owner { get; init; } = NamePool.Shared.Of(Owner);

    public string? Executor { get; init; } = NamePool.Shared.Of(Executor);
}

/// <summary>A rating: <paramref name="Score"/> on the scale given by <paramref name="ScaleMax"/> (3 for 满意/一般/不满意, 5,
/// or 10).</summary>
public sealed record SatisfactionRated(
    DateTimeOffset At,
    string Actor,
    string? SourceRef,
    int Score,
    int ScaleMax,
    string? Comment = null
) : TicketEvent(At, Actor, SourceRef);

public sealed record Escalated(DateTimeOffset At, string Actor, string? SourceRef, SlaMetric Metric, int Level)
    : TicketEvent(At, Actor, SourceRef);

/// <summary>
/// An alert handed to a person on duty (<see cref="Person"/>, reached for <see cref="Role"/>) by one route (an e-mail,
/// a WeCom or DingTalk robot, a chat webhook): delivered, or not and why. The audit of who was told what and how.
/// </summary>
public sealed record AlertSent(
    DateTimeOffset At,
    string Actor,
    string? SourceRef,
    SlaMetric Metric,
    int Level,
    string Role,
    string Person,
    string Route,
    bool Delivered,
    string? Reason = null
) : TicketEvent(At, Actor, SourceRef);

/// <summary>A person on duty took an alert on a clock (<see cref="Cycle"/> of <see cref="Metric"/>): no later level of
/// that clock is announced.</summary>
public sealed record AlertAcknowledged(DateTimeOffset At, string Actor, string? SourceRef, SlaMetric Metric, int Cycle)
    : TicketEvent(At, Actor, SourceRef);

/// <summary>The resolution time told to the customer (the after-sales template's 承诺解决时间).</summary>
public sealed record ResolutionPromised(DateTimeOffset At, string Actor, string? SourceRef, DateTimeOffset PromisedBy)
    : TicketEvent(At, Actor, SourceRef);

/// <summary>Why a target was or will be missed (超时原因), e.g. "agent busy", "verifying information".</summary>
public sealed record OverdueReason(
    DateTimeOffset At,
    string Actor,
    string? SourceRef,
    string Reason,
    SlaMetric? Metric = null
) : TicketEvent(At, Actor, SourceRef);

public enum Confirmation
{
    Resolved,
    PartiallyResolved,
    NotResolved,
}

/// <summary>The customer's word on the solution; anything short of resolved reopens the ticket.</summary>
public sealed record CustomerConfirmed(
    DateTimeOffset At,
    string Actor,
    string? SourceRef,
    Confirmation Outcome,
    string? Comment = null
) : TicketEvent(At, Actor, SourceRef);

/// <summary>A remark (备注) a person added to the ticket: kept with the remarks it arrived with, never edited.</summary>
public sealed record RemarkAdded(DateTimeOffset At, string Actor, string? SourceRef, string Text)
    : TicketEvent(At, Actor, SourceRef);

/// <summary>
/// Whether the ticket was solved in the first contact, as a team recorded it (是否首次解决 in an imported
/// spreadsheet): it wins over the rule SlaWatch derives from the ticket's history.
/// </summary>
public sealed record FirstContactRecorded(DateTimeOffset At, string Actor, string? SourceRef, bool Resolved)
    : TicketEvent(At, Actor, SourceRef);
