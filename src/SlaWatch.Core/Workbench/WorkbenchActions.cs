using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Workbench;

/// <summary>
/// A person's action on a ticket, made one ticket event through the one write path (<see
/// cref="TicketEventService"/>): recorded under the signed-in person, never a name the client sends; once per request
/// id; only on the ticket as the person saw it, and only when the permission table allows it.
/// </summary>
public sealed class WorkbenchActions(
    TicketEventService events,
    ClassificationRules rules,
    Policies.SlaPolicy policy,
    WorkbenchOptions options,
    TimeProvider time
)
{
    public const int MaxRequestIdLength = 64;

    public async Task<WorkbenchResult> ActAsync(
        WorkbenchPerson person,
        string ticketRef,
        WorkbenchCommand command,
        string origin,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(command);
        if (Invalid(command) is { } problem)
        {
            return new WorkbenchResult(WorkbenchOutcome.Invalid, problem, null);
        }

        if (await events.FindAsync(ticketRef, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return new WorkbenchResult(WorkbenchOutcome.NotFound, $"ticket: no ticket {ticketRef}", null);
        }

        var item = Event(person, command, stored);
        if (stored.HasSource(item.SourceRef))
        {
            return new WorkbenchResult(WorkbenchOutcome.Duplicate, null, stored);
        }

        if (WorkbenchPermissions.Refusal(person, command.Action, stored.State.Owner) is { } refusal)
        {
            return new WorkbenchResult(WorkbenchOutcome.Forbidden, refusal, stored);
        }

        var recorded = await events
            .RecordIfAsync(
                stored,
                item,
                origin,
                current => Conflict(person, command, current),
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
        return recorded.Outcome switch
        {
            RecordOutcome.Recorded => new WorkbenchResult(WorkbenchOutcome.Recorded, null, recorded.Ticket),
            RecordOutcome.Duplicate => new WorkbenchResult(WorkbenchOutcome.Duplicate, null, recorded.Ticket),
            RecordOutcome.Conflict => new WorkbenchResult(WorkbenchOutcome.Conflict, recorded.Reason, recorded.Ticket),
            RecordOutcome.NotFound => new WorkbenchResult(WorkbenchOutcome.NotFound, recorded.Reason, null),
            _ => new WorkbenchResult(WorkbenchOutcome.Invalid, recorded.Reason, stored),
        };
    }

    /// <summary>Why the action cannot apply to the ticket as it stands at the write; null when it can.</summary>
    private string? Conflict(WorkbenchPerson person, WorkbenchCommand command, StoredTicket current)
    {
        var ticket = current.State;
        if (command.Version is { } seen && seen != current.Version)
        {
            var last = current.Events[^1];
            return string.Create(
                CultureInfo.InvariantCulture,
                $"changed since you read it: {last.GetType().Name} by {last.Actor} at {last.At:O}"
            );
        }

        if (WorkbenchPermissions.Refusal(person, command.Action, ticket.Owner) is { } refusal)
        {
            return refusal;
        }

        var done = ticket.Status.IsDone();
        return command.Action switch
        {
            WorkbenchAction.Take when person.Owns(ticket.Owner) => "already yours",
            WorkbenchAction.Take when ticket.Owner is { } owner => $"already taken by {owner}",
            WorkbenchAction.Pause when done => "resolved: reopen it first",
            WorkbenchAction.Pause when ticket.Status.PausesClocks() => "already paused",
            WorkbenchAction.Resume when !ticket.Status.PausesClocks() => "not paused",
            WorkbenchAction.Resolve when done => $"already {ticket.Status.ToString().ToLowerInvariant()}",
            WorkbenchAction.Reopen when !done => "not resolved",
            WorkbenchAction.Close when ticket.Status != TicketStatus.Resolved => "only a resolved ticket closes",
            WorkbenchAction.Acknowledge when Acknowledged(current, command.Metric!.Value) is { } ack =>
                $"already acknowledged by {ack.Actor}",
            _ => null,
        };
    }

    private string? Invalid(WorkbenchCommand command)
    {
        if (
            string.IsNullOrWhiteSpace(command.RequestId)
            || command.RequestId.Length > MaxRequestIdLength
            || !command.RequestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        )
        {
            return $"requestId: 1 to {MaxRequestIdLength} letters, digits, '-' or '_'";
        }

        if (command.Text is { } text && text.Length > options.MaxTextLength)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"text: {text.Length} characters, more than {options.MaxTextLength}"
            );
        }

        var needsText =
            command.Action
            is WorkbenchAction.Pause
                or WorkbenchAction.Resolve
                or WorkbenchAction.AddOverdueReason
                or WorkbenchAction.AddRemark;
        return command.Action switch
        {
            _ when needsText && string.IsNullOrWhiteSpace(command.Text) => $"text: missing ({Needed(command.Action)})",
            WorkbenchAction.Transfer when string.IsNullOrWhiteSpace(command.Owner) =>
                "owner: missing (who takes it over)",
            WorkbenchAction.Transfer when command.Owner!.Length > 100 => "owner: more than 100 characters",
            WorkbenchAction.Transfer when policy.People.Aliases.Count > 0 && !policy.People.Knows(command.Owner!) =>
                $"owner: '{command.Owner!.Trim()}' is not one of the policy's people",
            WorkbenchAction.ChangePriority when command.Priority is null => "priority: missing",
            WorkbenchAction.ChangeCategory when CategoryKey(command.Category) is null =>
                $"category: '{command.Category}' is not one of "
                    + string.Join(", ", rules.Categories.Select(category => category.Key)),
            WorkbenchAction.Confirm when command.Confirmation is null =>
                "confirmation: missing (resolved, partiallyResolved or notResolved)",
            WorkbenchAction.Rate when command.Score is null => "score: missing",
            WorkbenchAction.Acknowledge when command.Metric is null =>
                $"metric: missing (one of {string.Join(", ", SlaMetricNames.Known)})",
            _ => null,
        };
    }

    private static string Needed(WorkbenchAction action) =>
        action switch
        {
            WorkbenchAction.Resolve => "the solution",
            WorkbenchAction.AddRemark => "the remark",
            _ => "the reason",
        };

    private string? CategoryKey(string? text) => rules.CategoryNamed(text)?.Key;

    /// <summary>The acknowledgement already given on the clock of <paramref name="metric"/> running now, if
    /// any.</summary>
    private AlertAcknowledged? Acknowledged(StoredTicket stored, SlaMetric metric)
    {
        var cycle = CycleOf(stored, metric);
        return stored
            .Events.OfType<AlertAcknowledged>()
            .FirstOrDefault(ack => ack.Metric == metric && ack.Cycle == cycle);
    }

    // The clock's cycle as it stands now: an acknowledgement holds for this cycle, not for one a reopening starts.
    private int CycleOf(StoredTicket stored, SlaMetric metric) =>
        SlaClockCalculator
            .Compute(stored.Events, policy, time.GetUtcNow())
            .Where(clock => clock.Metric == metric)
            .Select(clock => clock.Cycle)
            .DefaultIfEmpty(1)
            .Max();

    private TicketEvent Event(WorkbenchPerson person, WorkbenchCommand command, StoredTicket stored)
    {
        var ticket = stored.State;
        var at = time.GetUtcNow();
        // The name reports and the page show (the policy's, when it knows the person); the id stays in the source.
        var actor = person.Name;
        var source = $"workbench:{person.Id}:{command.RequestId}";
        var text = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();
        TicketEvent item = command.Action switch
        {
            WorkbenchAction.Take => new Assigned(at, actor, source, actor, ticket.Executor),
            WorkbenchAction.Transfer => new Assigned(at, actor, source, policy.People.NameOf(command.Owner!.Trim())!),
            WorkbenchAction.Respond => new AgentResponse(at, actor, source, Excerpts.Of(text)),
            WorkbenchAction.Pause => new StatusChanged(
                at,
                actor,
                source,
                command.WaitingOnCustomer ? TicketStatus.PendingCustomer : TicketStatus.OnHold,
                text
            ),
            WorkbenchAction.Resume => new StatusChanged(at, actor, source, TicketStatus.Open, text),
            WorkbenchAction.ChangePriority => new PriorityChanged(at, actor, source, command.Priority!.Value),
            WorkbenchAction.ChangeCategory => new CategoryChanged(at, actor, source, CategoryKey(command.Category)!),
            WorkbenchAction.Resolve => new StatusChanged(at, actor, source, TicketStatus.Resolved, text),
            WorkbenchAction.Confirm => new CustomerConfirmed(at, actor, source, command.Confirmation!.Value, text),
            WorkbenchAction.Rate => new SatisfactionRated(
                at,
                actor,
                source,
                command.Score!.Value,
                options.SatisfactionScale,
                text
            ),
            WorkbenchAction.AddOverdueReason => new OverdueReason(at, actor, source, text!),
            WorkbenchAction.AddRemark => new RemarkAdded(at, actor, source, text!),
            WorkbenchAction.Reopen => new StatusChanged(at, actor, source, TicketStatus.Reopened, text),
            WorkbenchAction.Close => new StatusChanged(at, actor, source, TicketStatus.Closed, text),
            WorkbenchAction.Acknowledge => new AlertAcknowledged(
                at,
                actor,
                source,
                command.Metric!.Value,
                CycleOf(stored, command.Metric.Value)
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Action, "not a workbench action"),
        };
        return item with { Entered = true, From = command.From };
    }
}
