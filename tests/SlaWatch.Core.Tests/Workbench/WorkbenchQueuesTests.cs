using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Workbench;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Workbench;

/// <summary>The workbench's five tabs over the backlog: who sees what, the counts under a filter, the order.</summary>
public sealed class WorkbenchQueuesTests
{
    private static readonly WorkbenchPerson Wang = new(
        "wang",
        "王芳",
        new HashSet<WorkbenchRole> { WorkbenchRole.Agent },
        ["8001"]
    );

    private static BacklogRow Row(string? owner, string state, params string[] clockStates) =>
        new("20261116-001", "t", "email", "urgent", "payment", owner, "open", default, null, null, state, [], null)
        {
            Clocks = [.. clockStates.Select(clock => new BacklogClock("firstResponse", clock, null, null))],
        };

    [Theory]
    [InlineData(WorkbenchTab.Mine, "8001", "running", true)]
    [InlineData(WorkbenchTab.Mine, "li", "running", false)]
    [InlineData(WorkbenchTab.Unassigned, null, "running", true)]
    [InlineData(WorkbenchTab.Unassigned, "wang", "running", false)]
    [InlineData(WorkbenchTab.Breached, null, "breached", true)]
    [InlineData(WorkbenchTab.Breached, null, "running", false)]
    [InlineData(WorkbenchTab.Open, "li", "paused", true)]
    public void ATicketIsInATabByItsOwnerAndState(WorkbenchTab tab, string? owner, string state, bool shown) =>
        Assert.Equal(shown, WorkbenchQueues.In(tab, Row(owner, state), Wang));

    [Fact]
    public void AtRiskIsAClockPastItsWarningOnATicketNotYetBreached()
    {
        Assert.True(WorkbenchQueues.In(WorkbenchTab.AtRisk, Row(null, "running", "running", "warning"), Wang));
        Assert.False(WorkbenchQueues.In(WorkbenchTab.AtRisk, Row(null, "running", "running"), Wang));
        Assert.False(WorkbenchQueues.In(WorkbenchTab.AtRisk, Row(null, "breached", "breached", "warning"), Wang));
    }

    [Fact]
    public async Task EveryTabIsCountedUnderTheFilterAndTheTabShowsItsTicketsSoonestDueFirst()
    {
        var time = new FakeTimeProvider(Shipped.At("2026-11-16 09:00"));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        var first = await services.Ingestion.IngestAsync(TestContacts.Email("<q1@x>", "2026-11-16 09:00"), "t");
        var second = await services.Ingestion.IngestAsync(TestContacts.Email("<q2@x>", "2026-11-16 09:01"), "t");
        // A refund, not a login fault: another category.
        await services.Ingestion.IngestAsync(
            TestContacts.Email("<q3@x>", "2026-11-16 09:02", subject: "退款什么时候到") with
            {
                Text = "退款",
            },
            "t"
        );
        time.SetUtcNow(Shipped.At("2026-11-16 09:05"));
        var actions = services.Get<WorkbenchActions>();
        Assert.Equal(
            WorkbenchOutcome.Recorded,
            (
                await actions.ActAsync(
                    Wang,
                    second.TicketId!,
                    new WorkbenchCommand(WorkbenchAction.Take, "t", null),
                    "t"
                )
            ).Outcome
        );
        var queues = services.Get<WorkbenchQueues>();

        var all = await queues.ReadAsync(Wang, WorkbenchTab.Open, new WorkbenchFilter());
        var technical = await queues.ReadAsync(
            Wang,
            WorkbenchTab.Unassigned,
            new WorkbenchFilter(Category: "technical-fault")
        );
        var mine = await queues.ReadAsync(Wang, WorkbenchTab.Mine, new WorkbenchFilter(Channel: "EMAIL"));

        Assert.Equal(
            (3, 1, 2),
            (all.Counts[WorkbenchTab.Open], all.Counts[WorkbenchTab.Mine], all.Counts[WorkbenchTab.Unassigned])
        );
        Assert.Equal(3, all.Tickets.Count);
        Assert.Equal(first.TicketId, Assert.Single(technical.Tickets).TicketId);
        Assert.Equal((2, 1), (technical.Counts[WorkbenchTab.Open], technical.Counts[WorkbenchTab.Unassigned]));
        Assert.Equal(second.TicketId, Assert.Single(mine.Tickets).TicketId);
        Assert.Equal(WorkbenchTab.Mine, mine.Tab);
        Assert.Equal(time.GetUtcNow(), mine.ReadAt);
        var dues = all.Tickets.Select(row => row.NextDue ?? DateTimeOffset.MaxValue).ToArray();
        Assert.Equal(dues.Order(), dues);

        // A first screen: the soonest-due rows and every count, marked incomplete; asked for more, the whole tab.
        var firstTwo = await queues.ReadAsync(Wang, WorkbenchTab.Open, new WorkbenchFilter(), first: 2);
        var firstTen = await queues.ReadAsync(Wang, WorkbenchTab.Open, new WorkbenchFilter(), first: 10);
        Assert.Equal(all.Tickets.Take(2).Select(row => row.TicketId), firstTwo.Tickets.Select(row => row.TicketId));
        Assert.Equal(all.Counts, firstTwo.Counts);
        Assert.Equal((true, false, true), (all.Complete, firstTwo.Complete, firstTen.Complete));
        Assert.Equal(3, firstTen.Tickets.Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            queues.ReadAsync(Wang, WorkbenchTab.Open, new WorkbenchFilter(), first: 0)
        );
    }
}
