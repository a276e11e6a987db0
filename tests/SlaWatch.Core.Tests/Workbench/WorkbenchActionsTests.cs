using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.Core.Workbench;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Workbench;

/// <summary>
/// The workbench's actions on a stored ticket: each one event under the signed-in person, once per request, only on
/// the ticket as the person saw it, and only as the permission table allows.
/// </summary>
public sealed class WorkbenchActionsTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:30");

    private static readonly WorkbenchPerson Wang = new(
        "wang",
        "王芳",
        new HashSet<WorkbenchRole> { WorkbenchRole.Agent },
        ["8001"]
    );

    private static readonly WorkbenchPerson Li = Wang with { Id = "li", Name = "李明", Aliases = ["8002"] };

    private static readonly WorkbenchPerson Zhao = new(
        "zhao",
        "赵组长",
        new HashSet<WorkbenchRole> { WorkbenchRole.Lead },
        []
    );

    private readonly FakeTimeProvider _time = new(Arrival.AddMinutes(5));
    private readonly TestProcess _services;
    private string _ticket = "";

    public WorkbenchActionsTests() => _services = MemoryProcess.Of(Shipped.Policy, _time);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private WorkbenchActions Actions => _services.Get<WorkbenchActions>();

    private async Task<string> OpenAsync(string source = "<w1@example.com>")
    {
        var opened = await _services.Ingestion.IngestAsync(TestContacts.Email(source, "2026-11-16 09:30"), "test");
        _ticket = opened.TicketId!;
        return _ticket;
    }

    private async Task<string> VersionAsync() => (await _services.Store.LoadAsync(_ticket))!.Version;

    private Task<WorkbenchResult> ActAsync(
        WorkbenchPerson person,
        WorkbenchAction action,
        string request,
        Func<WorkbenchCommand, WorkbenchCommand>? fill = null,
        string? version = null
    )
    {
        var command = new WorkbenchCommand(action, request, version);
        return Actions.ActAsync(person, _ticket, fill is null ? command : fill(command), "workbench test");
    }

    private async Task<Ticket> TicketAsync() => (await _services.Store.LoadAsync(_ticket))!.State;

    [Fact]
    public async Task TheFirstToTakeATicketOwnsItAndTheSecondIsToldWho()
    {
        await OpenAsync();

        var taken = await ActAsync(Wang, WorkbenchAction.Take, "t1");
        var late = await ActAsync(Li, WorkbenchAction.Take, "t2");

        Assert.Equal(WorkbenchOutcome.Recorded, taken.Outcome);
        Assert.Equal((WorkbenchOutcome.Conflict, "already taken by 王芳"), (late.Outcome, late.Reason));
        Assert.Equal("王芳", late.Ticket!.State.Owner);
        var assigned = Assert.Single((await _services.Store.LoadAsync(_ticket))!.Events.OfType<Assigned>());
        Assert.Equal(
            ("王芳", "王芳", Arrival.AddMinutes(5), "workbench:wang:t1", true),
            (assigned.Actor, assigned.Owner, assigned.At, assigned.SourceRef, assigned.Entered)
        );
        Assert.Equal("already yours", (await ActAsync(Wang, WorkbenchAction.Take, "t3")).Reason);
    }

    [Fact]
    public async Task ADoubleClickRecordsOnce()
    {
        await OpenAsync();
        var version = await VersionAsync();

        var first = await ActAsync(Wang, WorkbenchAction.Respond, "r1", c => c with { Text = "已回电" }, version);
        var second = await ActAsync(Wang, WorkbenchAction.Respond, "r1", c => c with { Text = "已回电" }, version);

        Assert.Equal((WorkbenchOutcome.Recorded, WorkbenchOutcome.Duplicate), (first.Outcome, second.Outcome));
        Assert.Single((await _services.Store.LoadAsync(_ticket))!.Events.OfType<AgentResponse>());
        Assert.Equal(
            (Arrival.AddMinutes(5), "王芳"),
            ((await TicketAsync()).FirstResponseAt, (await TicketAsync()).Owner)
        );
    }

    [Fact]
    public async Task TwoPeopleResolvingAtOnceOneWinsAndTheOtherSeesWhoAndWhat()
    {
        await OpenAsync();
        var seen = await VersionAsync();

        var first = await ActAsync(Wang, WorkbenchAction.Resolve, "a", c => c with { Text = "重置密码" }, seen);
        var second = await ActAsync(Zhao, WorkbenchAction.Resolve, "b", c => c with { Text = "清缓存" }, seen);

        Assert.Equal(WorkbenchOutcome.Recorded, first.Outcome);
        Assert.Equal(WorkbenchOutcome.Conflict, second.Outcome);
        Assert.Equal(
            $"changed since you read it: StatusChanged by 王芳 at {Arrival.AddMinutes(5).UtcDateTime:O}".Replace(
                "Z",
                "+00:00",
                StringComparison.Ordinal
            ),
            second.Reason
        );
        Assert.Equal((TicketStatus.Resolved, "重置密码"), (second.Ticket!.State.Status, second.Ticket.State.Solution));
        // Read again, the lead is told it is already resolved.
        var again = await ActAsync(
            Zhao,
            WorkbenchAction.Resolve,
            "c",
            c => c with { Text = "清缓存" },
            await VersionAsync()
        );
        Assert.Equal((WorkbenchOutcome.Conflict, "already resolved"), (again.Outcome, again.Reason));
    }

    [Fact]
    public async Task WithThePolicysPeopleATransferGoesToOneOfThemByTheirNameAndKeepsWhereFrom()
    {
        var people = new PeopleDirectory(
            new Dictionary<string, IReadOnlyList<string>> { ["李明"] = ["li", "8002"], ["王芳"] = ["wang"] }
        );
        await using var services = MemoryProcess.Of(Shipped.Policy with { People = people }, _time);
        var ticket = (
            await services.Ingestion.IngestAsync(TestContacts.Email("<p1@example.com>", "2026-11-16 09:30"), "test")
        ).TicketId!;
        var actions = services.Get<WorkbenchActions>();

        var stranger = await actions.ActAsync(
            Zhao,
            ticket,
            new WorkbenchCommand(WorkbenchAction.Transfer, "s1", null) { Owner = "路人甲" },
            "test"
        );
        var byExtension = await actions.ActAsync(
            Zhao,
            ticket,
            new WorkbenchCommand(WorkbenchAction.Transfer, "s2", null) { Owner = " 8002 ", From = "10.1.2.3" },
            "test"
        );

        Assert.Equal(
            (WorkbenchOutcome.Invalid, "owner: '路人甲' is not one of the policy's people"),
            (stranger.Outcome, stranger.Reason)
        );
        Assert.Equal(WorkbenchOutcome.Recorded, byExtension.Outcome);
        var assigned = Assert.Single((await services.Store.LoadAsync(ticket))!.Events.OfType<Assigned>());
        Assert.Equal(("李明", "赵组长", "10.1.2.3"), (assigned.Owner, assigned.Actor, assigned.From));
    }

    [Fact]
    public async Task AnAgentIsRefusedAnotherAgentsTicketAndALeadTransfersIt()
    {
        await OpenAsync();
        await ActAsync(Wang, WorkbenchAction.Take, "t1");

        var refused = await ActAsync(Li, WorkbenchAction.Resolve, "x", c => c with { Text = "好了" });
        var agentTransfer = await ActAsync(Wang, WorkbenchAction.Transfer, "y", c => c with { Owner = "li" });
        var transfer = await ActAsync(Zhao, WorkbenchAction.Transfer, "z", c => c with { Owner = " li " });

        Assert.Equal(
            (WorkbenchOutcome.Forbidden, "the ticket is 王芳's: an agent acts on their own and unowned tickets"),
            (refused.Outcome, refused.Reason)
        );
        Assert.Equal(
            (WorkbenchOutcome.Forbidden, "only a lead transfers a ticket"),
            (agentTransfer.Outcome, agentTransfer.Reason)
        );
        Assert.Equal(WorkbenchOutcome.Recorded, transfer.Outcome);
        var ticket = await TicketAsync();
        Assert.Equal(("li", TicketStatus.Open), (ticket.Owner, ticket.Status));
        Assert.Equal("赵组长", (await _services.Store.LoadAsync(_ticket))!.Events[^1].Actor);
        Assert.Equal(
            WorkbenchOutcome.Recorded,
            (await ActAsync(Li, WorkbenchAction.Resolve, "x2", c => c with { Text = "好了" })).Outcome
        );
    }

    [Fact]
    public async Task APauseStopsTheClocksUntilResumedWithItsReason()
    {
        await OpenAsync();
        await ActAsync(Wang, WorkbenchAction.Take, "t");

        var paused = await ActAsync(Wang, WorkbenchAction.Pause, "p", c => c with { Text = "等客户提供订单号" });
        Assert.Equal(TicketStatus.PendingCustomer, paused.Ticket!.State.Status);
        Assert.Equal(
            "already paused",
            (await ActAsync(Wang, WorkbenchAction.Pause, "p2", c => c with { Text = "x" })).Reason
        );
        _time.Advance(TimeSpan.FromMinutes(30));
        var resumed = await ActAsync(Wang, WorkbenchAction.Resume, "r");
        Assert.Equal(TicketStatus.Open, resumed.Ticket!.State.Status);
        Assert.Equal("not paused", (await ActAsync(Wang, WorkbenchAction.Resume, "r2")).Reason);
        var third = await ActAsync(Wang, WorkbenchAction.Pause, "p3", c =>
            c with
            {
                Text = "等物流公司回复",
                WaitingOnCustomer = false,
            }
        );
        Assert.Equal(TicketStatus.OnHold, third.Ticket!.State.Status);
        var note = Assert.IsType<StatusChanged>(third.Ticket.Events[^1]);
        Assert.Equal("等物流公司回复", note.Note);
    }

    [Fact]
    public async Task ResolvingRatingConfirmingAndRemarkingFillTheTicketsFields()
    {
        await OpenAsync();
        (WorkbenchAction Action, Func<WorkbenchCommand, WorkbenchCommand> Fill)[] steps =
        [
            (WorkbenchAction.Take, c => c),
            (WorkbenchAction.ChangePriority, c => c with { Priority = Priority.High }),
            (WorkbenchAction.ChangeCategory, c => c with { Category = "物流配送延误" }),
            (WorkbenchAction.AddOverdueReason, c => c with { Text = "坐席繁忙 agent busy" }),
            (WorkbenchAction.Resolve, c => c with { Text = "  重置密码后可登录  " }),
            (WorkbenchAction.Confirm, c => c with { Confirmation = Confirmation.Resolved }),
            (WorkbenchAction.Rate, c => c with { Score = 3, Text = "很快" }),
            (WorkbenchAction.AddRemark, c => c with { Text = "客户电话 13912341522 回访" }),
        ];
        foreach (var (action, fill) in steps)
        {
            Assert.Equal(WorkbenchOutcome.Recorded, (await ActAsync(Wang, action, action.Name(), fill)).Outcome);
        }

        var ticket = await TicketAsync();
        Assert.Equal(
            (Priority.High, "logistics-delay", TicketStatus.Resolved, "重置密码后可登录", Confirmation.Resolved),
            (ticket.Priority, ticket.Category, ticket.Status, ticket.Solution, ticket.CustomerConfirmation)
        );
        Assert.Equal(new Satisfaction(3, 3, "很快"), ticket.Satisfaction);
        Assert.Equal("坐席繁忙 agent busy", Assert.Single(ticket.OverdueReasons).Reason);
        Assert.Equal("客户电话 13912341522 回访", ticket.Remarks);
        Assert.Equal("客户电话 1391234**** 回访", ContactMasking.InFreeText(ticket).Remarks);
        Assert.All((await _services.Store.LoadAsync(_ticket))!.Events.Skip(1), item =>
            Assert.Equal(("王芳", true), (item.Actor, item.Entered))
        );

        Assert.Equal(WorkbenchOutcome.Recorded, (await ActAsync(Wang, WorkbenchAction.Close, "cl")).Outcome);
        Assert.Equal(TicketStatus.Closed, (await TicketAsync()).Status);
        Assert.Equal(
            WorkbenchOutcome.Recorded,
            (await ActAsync(Wang, WorkbenchAction.Reopen, "ro", c => c with { Text = "客户说又坏了" })).Outcome
        );
        Assert.Equal((TicketStatus.Open, 1), ((await TicketAsync()).Status, (await TicketAsync()).ReopenCount));
        Assert.Equal("not resolved", (await ActAsync(Wang, WorkbenchAction.Reopen, "ro2")).Reason);
        Assert.Equal("only a resolved ticket closes", (await ActAsync(Wang, WorkbenchAction.Close, "cl2")).Reason);
    }

    [Theory]
    [InlineData(WorkbenchAction.Resolve, "", "text: missing (the solution)")]
    [InlineData(WorkbenchAction.Pause, " ", "text: missing (the reason)")]
    [InlineData(WorkbenchAction.AddRemark, null, "text: missing (the remark)")]
    [InlineData(WorkbenchAction.AddOverdueReason, null, "text: missing (the reason)")]
    [InlineData(WorkbenchAction.Transfer, "x", "owner: missing (who takes it over)")]
    [InlineData(WorkbenchAction.ChangePriority, "x", "priority: missing")]
    [InlineData(WorkbenchAction.Confirm, "x", "confirmation: missing (resolved, partiallyResolved or notResolved)")]
    [InlineData(WorkbenchAction.Rate, "x", "score: missing")]
    public async Task AnActionWithoutWhatItNeedsIsRefusedNamingTheField(
        WorkbenchAction action,
        string? text,
        string problem
    )
    {
        await OpenAsync();
        var result = await ActAsync(Zhao, action, "q", c => c with { Text = text });
        Assert.Equal((WorkbenchOutcome.Invalid, problem), (result.Outcome, result.Reason));
        Assert.Single((await _services.Store.LoadAsync(_ticket))!.Events);
    }

    [Fact]
    public async Task OversizedTextUnknownCategoriesBadRequestIdsAndScoresOffTheScaleAreRefused()
    {
        await OpenAsync();
        Assert.Equal(
            "text: 2001 characters, more than 2000",
            (await ActAsync(Zhao, WorkbenchAction.Resolve, "q", c => c with { Text = new string('长', 2001) })).Reason
        );
        Assert.StartsWith(
            "category: '火星' is not one of privacy-leak, payment",
            (await ActAsync(Zhao, WorkbenchAction.ChangeCategory, "q", c => c with { Category = "火星" })).Reason,
            StringComparison.Ordinal
        );
        foreach (var request in new[] { "", "a b", "<script>", new string('a', 65) })
        {
            Assert.Equal(
                "requestId: 1 to 64 letters, digits, '-' or '_'",
                (await ActAsync(Zhao, WorkbenchAction.Respond, request)).Reason
            );
        }

        var offScale = await ActAsync(Zhao, WorkbenchAction.Rate, "q", c => c with { Score = 5 });
        Assert.Equal(
            (WorkbenchOutcome.Invalid, "rating: 5 is outside the 1-3 scale"),
            (offScale.Outcome, offScale.Reason)
        );
        Assert.Single((await _services.Store.LoadAsync(_ticket))!.Events);
    }

    [Fact]
    public async Task AnUnknownTicketIsNotFound()
    {
        _ticket = "20261116-999";
        var result = await ActAsync(Zhao, WorkbenchAction.Take, "q");
        Assert.Equal(WorkbenchOutcome.NotFound, result.Outcome);
    }
}
