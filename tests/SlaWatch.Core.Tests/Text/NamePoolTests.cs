using SlaWatch.Core.Policies;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Text;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Text;

public class NamePoolTests
{
    [Fact]
    public void EqualNamesBecomeOneString()
    {
        var pool = new NamePool(capacity: 10);
        var first = pool.Of(new string(['客', '服', 'A']));
        var again = pool.Of(new string(['客', '服', 'A']));
        var fromSpan = pool.Of("客服A!".AsSpan(0, 3));

        Assert.Equal("客服A", first);
        Assert.Same(first, again);
        Assert.Same(first, fromSpan);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void AFullPoolAndALongTextGiveTheTextItself()
    {
        var pool = new NamePool(capacity: 2);
        pool.Of("a");
        pool.Of("b");
        var third = new string('c', 1);
        var longText = new string('x', NamePool.LongestShared + 1);

        Assert.Same(third, pool.Of(third));
        Assert.NotSame(pool.Of(new string('c', 1)), pool.Of(new string('c', 1)));
        Assert.Same(longText, pool.Of(longText));
        Assert.Equal(longText, pool.Of(longText.AsSpan()));
        Assert.Null(pool.Of((string?)null));
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void NamesOnEventsAreSharedAndTheirTextUnchanged()
    {
        var at = DateTimeOffset.UnixEpoch;
        var one = new Assigned(at, new string("system"), "a", new string("客服A"), new string("工号001"));
        var other = new Assigned(at, new string("system"), "b", new string("客服A"), new string("工号001"));
        var moved = new CategoryChanged(at, "客服A", "c", new string("logistics-delay"));

        Assert.Same(one.Actor, other.Actor);
        Assert.Same(one.Owner, other.Owner);
        Assert.Same(one.Executor, other.Executor);
        Assert.Same(one.Owner, moved.Actor);
        Assert.Equal(
            ("system", "客服A", "工号001", "logistics-delay"),
            (one.Actor, one.Owner, one.Executor, moved.Category)
        );
        Assert.Equal(one with { SourceRef = "b" }, other);
    }

    [Fact]
    public void AnArrivalsCategoryIsSharedAndItsJsonKeepsItsOrder()
    {
        // Stored JSON is what derived references hash: the members keep the order they had before the category was
        // shared, and one read back from it shares the category with the other arrivals.
        var arrival = new Received(
            DateTimeOffset.UnixEpoch,
            "customer",
            "m1",
            Channel.Email,
            Priority.Normal,
            new string("refund"),
            new CustomerRef("c-1", "a*@b*.c"),
            "subject",
            "gold",
            "excerpt",
            "ref",
            "remarks"
        );
        var json = System.Text.Json.JsonSerializer.Serialize(arrival);

        Assert.Equal(
            [
                "Channel",
                "Priority",
                "Category",
                "Customer",
                "Subject",
                "CustomerTier",
                "Excerpt",
                "Reference",
                "Remarks",
            ],
            System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject().Select(member => member.Key).Take(9)
        );
        var read = System.Text.Json.JsonSerializer.Deserialize<Received>(json)!;
        Assert.Same(arrival.Category, read.Category);
        Assert.Equal(arrival, read);
    }

    [Fact]
    public void AnAnnouncementsKeyAndEscalationReferenceAreItsPartsAndShared()
    {
        Announcement Warning() =>
            new(
                "warning",
                1,
                "supervisor",
                "t1",
                "20261102-003",
                Channel.Chat,
                Priority.High,
                SlaMetric.FirstResponse,
                "5m",
                null,
                TimeSpan.Zero,
                null,
                null,
                DateTimeOffset.UnixEpoch
            )
            {
                Cycle = 2,
            };

        Assert.Equal("firstResponse|c2|warning|L1", Warning().Key);
        Assert.Equal("escalation:firstResponse|c2|warning|L1", Warning().EscalationRef());
        Assert.Same(Warning().Key, Warning().Key);
        Assert.Same(Warning().EscalationRef(), Warning().EscalationRef());
    }
}
