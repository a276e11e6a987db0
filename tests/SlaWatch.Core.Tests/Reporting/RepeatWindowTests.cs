using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>A repeat complaint is the same customer about the same thing within the window: its edge to the
/// tick.</summary>
public class RepeatWindowTests
{
    private static readonly DateTimeOffset Earlier = Shipped.At("2026-10-16 09:30");
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private static RepeatHistory History() =>
        new(
            [
                new DayEntry(new DateOnly(2026, 10, 16), new TicketNumber(new DateOnly(2026, 10, 16), 1), "t-1", true)
                {
                    CustomerKey = "c-1",
                    Category = "refund",
                    ReceivedAt = Earlier,
                },
            ],
            Window
        );

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void TheWindowHoldsItsLastInstantAndNotATickMore(long ticksPastTheWindow, bool repeat) =>
        Assert.Equal(
            repeat,
            History().IsRepeat("c-1", "refund", Earlier + Window + TimeSpan.FromTicks(ticksPastTheWindow))
        );

    [Fact]
    public void AnotherCustomerAnotherCategoryOrTheSameInstantIsNoRepeat()
    {
        var history = History();
        Assert.False(history.IsRepeat("c-2", "refund", Earlier.AddDays(1)));
        Assert.False(history.IsRepeat("c-1", "logistics-delay", Earlier.AddDays(1)));
        Assert.False(history.IsRepeat("c-1", "refund", Earlier));
        Assert.True(history.IsRepeat("c-1", "refund", Earlier.AddTicks(1)));
    }

    [Fact]
    public void ManyCustomersContactsGivenInterleavedAnswerAsEachCustomersListWould()
    {
        var random = new Random(31);
        string[] categories = ["refund", "complaint", "logistics-delay", "usage-question"];
        var day = new DateOnly(2026, 10, 16);
        var entries = Enumerable
            .Range(0, 3_000)
            .Select(serial => new DayEntry(day, new TicketNumber(day, serial + 1), $"t-{serial}", true)
            {
                CustomerKey = $"c-{random.Next(200)}",
                Category = random.Next(10) == 0 ? null : categories[random.Next(categories.Length)],
                ReceivedAt = Earlier.AddMinutes(random.Next(60 * 24 * 60)),
            })
            .ToArray();
        var history = new RepeatHistory(entries, Window);

        var repeats = 0;
        for (var i = 0; i < 4_000; i++)
        {
            var (customer, category) = (
                $"c-{random.Next(220)}",
                random.Next(12) switch
                {
                    0 => null,
                    1 => "never-seen",
                    var pick => categories[pick % categories.Length],
                }
            );
            var at = Earlier.AddMinutes(random.Next(60 * 24 * 90));
            var expected = entries.Any(entry =>
                entry.CustomerKey == customer
                && (entry.Category ?? "other") == (category ?? "other")
                && entry.ReceivedAt < at
                && at - entry.ReceivedAt <= Window
            );
            repeats += expected ? 1 : 0;
            Assert.Equal(expected, history.IsRepeat(customer, category, at));
            Assert.Equal(expected, history.IsRepeat(history.Of(customer), history.CategoryOf(category), at));
        }

        // Both answers are asked often enough to matter.
        Assert.InRange(repeats, 800, 3_200);
    }

    /// <summary>
    /// A report's next block builds its history in the memory of the last one's: each history handed on, to a smaller
    /// and then a larger set of contacts (slots kept and cleared, then made anew), answers exactly as one built alone;
    /// the one handed on answers nothing more.
    /// </summary>
    [Fact]
    public void AHistoryBuiltInTheMemoryOfAnEarlierOneAnswersAsOneBuiltAlone()
    {
        var random = new Random(47);
        string[] categories = ["refund", "complaint", "logistics-delay"];
        DayEntry[] Entries(int count, int customers) =>
            [
                .. Enumerable
                    .Range(0, count)
                    .Select(serial =>
                    {
                        var day = new DateOnly(2026, 10, 16);
                        return new DayEntry(day, new TicketNumber(day, serial + 1), $"t-{serial}", true)
                        {
                            CustomerKey =
                                random.Next(50) == 0 ? $"客户-{random.Next(customers)}" : $"c-{random.Next(customers)}",
                            Category = categories[random.Next(categories.Length)],
                            ReceivedAt = Earlier.AddMinutes(random.Next(60 * 24 * 45)),
                        };
                    }),
            ];

        RepeatHistory? last = null;
        foreach (var (count, customers) in new[] { (4_000, 900), (600, 40), (9_000, 3_000) })
        {
            var entries = Entries(count, customers);
            var handedOn = last;
            var history = new RepeatHistory(entries, Window, handedOn);
            var alone = new RepeatHistory(entries, Window);
            for (var i = 0; i < 3_000; i++)
            {
                var customer =
                    random.Next(10) == 0 ? $"客户-{random.Next(customers)}" : $"c-{random.Next(customers + 5)}";
                var category = categories[random.Next(categories.Length)];
                var at = Earlier.AddMinutes(random.Next(60 * 24 * 60));
                Assert.Equal(alone.IsRepeat(customer, category, at), history.IsRepeat(customer, category, at));
                Assert.Equal(alone.Of(customer), history.Of(customer));
            }

            if (handedOn is not null)
            {
                Assert.Throws<ObjectDisposedException>(() => handedOn.Of("c-1"));
                Assert.Throws<ObjectDisposedException>(() => new RepeatHistory(entries, Window, handedOn));
            }

            last = history;
        }
    }
}
