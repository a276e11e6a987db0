using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Tickets;

/// <summary>首次解决 per channel: solved in the customer's first contact, without the customer having to come
/// back.</summary>
public class FirstContactResolutionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    private static Ticket Fold(Channel channel, params TicketEvent[] after) =>
        TicketFold.Fold(
            "t",
            [
                new Received(
                    T0,
                    "customer",
                    "first",
                    channel,
                    Priority.Normal,
                    null,
                    CustomerRef.FromContact("13912341522")
                ),
                .. after,
            ]
        );

    private static AgentResponse Reply(int minutes, string id) => new(T0.AddMinutes(minutes), "客服A", id);

    private static CustomerMessage Customer(int minutes, string id) => new(T0.AddMinutes(minutes), "customer", id);

    private static StatusChanged Resolved(int minutes) =>
        new(T0.AddMinutes(minutes), "客服A", "resolved", TicketStatus.Resolved);

    [Fact]
    public void AChatSolvedWithinItsConversationIsFirstContactResolvedHoweverManyMessagesItTook()
    {
        Assert.True(
            Fold(
                    Channel.Chat,
                    Reply(1, "a1"),
                    Customer(2, "m1"),
                    Reply(3, "a2"),
                    Customer(4, "m2"),
                    Reply(5, "a3"),
                    Resolved(6)
                )
                .FirstContactResolvedByDefault()
        );
        Assert.True(Fold(Channel.WeChat, Reply(1, "a1"), Reply(2, "a2"), Resolved(3)).FirstContactResolvedByDefault());
        // The customer came back after the conversation was resolved: it reopened.
        Assert.False(
            Fold(Channel.Chat, Reply(1, "a1"), Resolved(6), Customer(60, "again"), Resolved(70))
                .FirstContactResolvedByDefault()
        );
    }

    [Fact]
    public void APhoneTicketIsFirstContactResolvedOnlyWhenTheCustomerDidNotCallAgain()
    {
        Assert.True(Fold(Channel.Phone, Reply(0, "answered"), Resolved(5)).FirstContactResolvedByDefault());
        // A second call within the repeat window joins the ticket as a customer message.
        Assert.False(
            Fold(Channel.Phone, Reply(0, "answered"), Customer(30, "call-2"), Reply(30, "answered-2"), Resolved(35))
                .FirstContactResolvedByDefault()
        );
    }

    [Fact]
    public void AnEmailIsFirstContactResolvedWhenAnsweredOnceWithoutAFollowUp()
    {
        Assert.True(Fold(Channel.Email, Reply(30, "r1"), Resolved(31)).FirstContactResolvedByDefault());
        // More detail before the answer does not count against it.
        Assert.True(
            Fold(Channel.Email, Customer(5, "more"), Reply(30, "r1"), Resolved(31)).FirstContactResolvedByDefault()
        );
        Assert.False(
            Fold(Channel.Email, Reply(30, "r1"), Customer(60, "but"), Reply(90, "r2"), Resolved(91))
                .FirstContactResolvedByDefault()
        );
        Assert.False(Fold(Channel.Web, Reply(30, "r1"), Reply(40, "r2"), Resolved(41)).FirstContactResolvedByDefault());
    }

    [Fact]
    public void AnEmailTheCustomerWroteAgainAfterTheAnswerIsNotFirstContactResolvedEvenWithOneAnswer()
    {
        // Answered once, then the customer wrote again on the thread and the agent closed it without a second
        // answer (a call-back, say): the first contact did not resolve it.
        var followedUp = Fold(Channel.Email, Reply(30, "r1"), Customer(60, "still broken"), Resolved(120));
        Assert.False(followedUp.FirstContactResolvedByDefault());
        Assert.True(
            Fold(Channel.Email, Customer(5, "more"), Reply(30, "r1"), Resolved(120)).FirstContactResolvedByDefault()
        );
    }

    [Fact]
    public void NothingUnresolvedIsFirstContactResolvedAndARecordedAnswerWins()
    {
        Assert.False(Fold(Channel.Chat, Reply(1, "a1")).FirstContactResolvedByDefault());
        Assert.True(
            Fold(
                    Channel.Email,
                    Reply(30, "r1"),
                    Reply(40, "r2"),
                    Resolved(41),
                    new FirstContactRecorded(T0.AddMinutes(42), "客服A", "fcr", true)
                )
                .FirstContactResolvedByDefault()
        );
    }
}
