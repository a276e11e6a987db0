using SlaWatch.Core.Workbench;

namespace SlaWatch.Core.Tests.Workbench;

/// <summary>
/// The permission table (问题处理权限表) written out in full: every role against every action, on an unowned ticket,
/// one's own and someone else's. A change to the rules changes a line here on purpose.
/// </summary>
public class WorkbenchPermissionsTests
{
    // A = allowed, - = refused; columns: unowned, own, another agent's.
    private static readonly Dictionary<WorkbenchAction, string> Agent = new()
    {
        [WorkbenchAction.Take] = "AAA",
        [WorkbenchAction.Transfer] = "---",
        [WorkbenchAction.Respond] = "AA-",
        [WorkbenchAction.Pause] = "AA-",
        [WorkbenchAction.Resume] = "AA-",
        [WorkbenchAction.ChangePriority] = "AA-",
        [WorkbenchAction.ChangeCategory] = "AA-",
        [WorkbenchAction.Resolve] = "AA-",
        [WorkbenchAction.Confirm] = "AA-",
        [WorkbenchAction.Rate] = "AA-",
        [WorkbenchAction.AddOverdueReason] = "AA-",
        [WorkbenchAction.AddRemark] = "AA-",
        [WorkbenchAction.Reopen] = "AA-",
        [WorkbenchAction.Close] = "AA-",
        // Whoever an alert reached acknowledges it, on anyone's ticket.
        [WorkbenchAction.Acknowledge] = "AAA",
    };

    private static WorkbenchPerson Person(params WorkbenchRole[] roles) =>
        new("wang", "王芳", roles.ToHashSet(), ["8001", "wang@example.com"]);

    public static TheoryData<WorkbenchAction> Actions() => [.. Enum.GetValues<WorkbenchAction>()];

    [Theory]
    [MemberData(nameof(Actions))]
    public void AnAgentActsOnTheirOwnAndUnownedTicketsAndNeverTransfers(WorkbenchAction action)
    {
        var agent = Person(WorkbenchRole.Agent);
        Assert.Equal(
            Agent[action],
            string.Concat(
                new[] { null, "8001", "li" }.Select(owner =>
                    WorkbenchPermissions.Refusal(agent, action, owner) is null ? 'A' : '-'
                )
            )
        );
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void LeadsAndAdminsActOnEveryTicket(WorkbenchAction action)
    {
        foreach (
            var roles in new[]
            {
                new[] { WorkbenchRole.Lead },
                [WorkbenchRole.Admin],
                [WorkbenchRole.Agent, WorkbenchRole.Lead],
            }
        )
        {
            foreach (var owner in new[] { null, "wang", "li" })
            {
                Assert.Null(WorkbenchPermissions.Refusal(Person(roles), action, owner));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void SomeoneWithoutARoleDoesNothing(WorkbenchAction action) =>
        Assert.StartsWith(
            "no SlaWatch role",
            WorkbenchPermissions.Refusal(Person(), action, null),
            StringComparison.Ordinal
        );

    [Fact]
    public void ARefusalSaysWhoseTicketItIs()
    {
        var agent = Person(WorkbenchRole.Agent);
        Assert.Equal(
            "the ticket is li's: an agent acts on their own and unowned tickets",
            WorkbenchPermissions.Refusal(agent, WorkbenchAction.Resolve, "li")
        );
        Assert.Equal(
            "only a lead transfers a ticket",
            WorkbenchPermissions.Refusal(agent, WorkbenchAction.Transfer, null)
        );
    }

    [Theory]
    [InlineData("wang", true)]
    [InlineData("WANG", true)]
    [InlineData("王芳", true)]
    [InlineData("8001", true)]
    [InlineData("Wang@Example.com", true)]
    [InlineData("li", false)]
    [InlineData(null, false)]
    public void APersonOwnsWhatIsOwnedUnderAnyOfTheirNames(string? owner, bool owns) =>
        Assert.Equal(owns, Person(WorkbenchRole.Agent).Owns(owner));

    [Fact]
    public void EveryActionHasOneNameRequestsUse()
    {
        Assert.Equal(Enum.GetValues<WorkbenchAction>().Length, WorkbenchActionNames.Known.Count);
        foreach (var action in Enum.GetValues<WorkbenchAction>())
        {
            Assert.True(WorkbenchActionNames.TryParse(action.Name(), out var parsed));
            Assert.Equal(action, parsed);
        }

        Assert.False(WorkbenchActionNames.TryParse("delete", out _));
        Assert.False(WorkbenchActionNames.TryParse(null, out _));
    }

    [Fact]
    public void APersonSignedInIsKnownByEveryNameThePolicyGivesThem()
    {
        var people = new Core.Policies.PeopleDirectory(
            new Dictionary<string, IReadOnlyList<string>> { ["王芳"] = ["8001", "oid-wang", "wang@example.com"] }
        );
        var signedIn = new WorkbenchPerson(
            "oid-wang",
            "Wang Fang",
            new HashSet<WorkbenchRole> { WorkbenchRole.Agent },
            ["wang@contoso.cn"]
        );

        var known = signedIn.Known(people);

        Assert.Equal(("oid-wang", "王芳"), (known.Id, known.Name));
        Assert.Equal(["8001", "wang@example.com", "wang@contoso.cn", "Wang Fang"], known.Aliases);
        Assert.True(known.Owns("8001") && known.Owns("王芳") && known.Owns("Wang Fang"));
        var stranger = Person(WorkbenchRole.Agent).Known(people);
        Assert.Equal(("wang", "王芳"), (stranger.Id, stranger.Name));
        var unknown = signedIn with { Id = "oid-li", Name = "李明", Aliases = [] };
        Assert.Equal(unknown, unknown.Known(people) with { Aliases = [] });
        Assert.Empty(unknown.Known(people).Aliases);
    }
}
