using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>A history finds each customer by exactly their key, however it keeps it: in a slot (ASCII, at most 23
/// characters) or aside (longer, not ASCII, empty).</summary>
public class CustomerTableTests
{
    private static readonly DateTimeOffset First = Shipped.At("2026-11-02 09:00");

    [Fact]
    public void EveryKeyFindsItsOwnContactsAndNoOther()
    {
        // 3 000 customer keys as the ingestion makes them, and keys kept aside; each customer i has i % 4 + 1 contacts
        // a day apart. Keys that differ in one character, in length only, or by a trailing NUL are other customers.
        string[] aside = ["", "客户-甲", "c-0123456789abcdef0123456789", new string('x', 24), "c-ü"];
        var keys = Enumerable
            .Range(0, 3_000)
            .Select(i => CustomerRef.FromContact($"customer{i}@example.com").Key)
            .Concat(aside)
            .Append(new string('y', CustomerTable.LongestInline))
            .ToArray();
        var entries = keys.SelectMany(
            (key, i) =>
                Enumerable
                    .Range(0, i % 4 + 1)
                    .Select(day => new DayEntry(
                        DateOnly.FromDateTime(First.AddDays(day).UtcDateTime),
                        new TicketNumber(DateOnly.FromDateTime(First.AddDays(day).UtcDateTime), i + 1),
                        $"t-{i}-{day}",
                        true
                    )
                    {
                        CustomerKey = key,
                        Category = "refund",
                        ReceivedAt = First.AddDays(day),
                    })
        );

        var history = new RepeatHistory(entries, TimeSpan.FromDays(30));

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i % 4 + 1, history.Of(keys[i]).Count);
            Assert.Equal(i % 4 > 0, history.IsRepeat(keys[i], "refund", First.AddDays(i % 4)));
        }

        var changed = keys[0][..^1] + (keys[0][^1] == '0' ? '1' : '0');
        foreach (var other in new[] { changed, keys[0][..^1], keys[0] + "\0", "c-", "y", "客户-乙" })
        {
            Assert.Equal(0, history.Of(other).Count);
            Assert.False(history.IsRepeat(other, "refund", First.AddDays(3)));
        }

        Assert.Equal(0, history.Of(new string('y', CustomerTable.LongestInline - 1)).Count);
        Assert.Equal(0, history.Of(new string('x', 25)).Count);

        // Asked together, with no key and unknown keys among them, each key finds what it finds alone.
        string?[] asked = [.. keys, null, changed, keys[0][..^1], "客户-乙", null, .. keys.Reverse()];
        var found = new RepeatHistory.Contacts[asked.Length];
        history.OfEach(asked, found);
        Assert.Equal(asked.Select(key => key is null ? default : history.Of(key)), found);
        Assert.Equal(2 * keys.Sum(key => history.Of(key).Count), found.Sum(contacts => contacts.Count));
    }
}
