using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Ingestion;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>Which rows of a sheet may be imported side by side.</summary>
public sealed class ImportGroupsTests
{
    private static InboundContact Row(string wall, string customer, double repeatHours = 2) =>
        TestContacts.Email($"<{customer}-{wall}@x>", wall, from: customer) with
        {
            RepeatKey = customer,
            RepeatWindow = TimeSpan.FromHours(repeatHours),
        };

    [Fact]
    public void ADaysRowsStayTogetherInSheetOrderAndDaysRunApartUnlessACustomerMayJoinAcrossMidnight()
    {
        InboundContact[] rows =
        [
            Row("2026-11-16 10:00", "c1"), // 0: the 16th
            Row("2026-11-17 09:00", "c2"), // 1: the 17th
            Row("2026-11-16 23:30", "c3"), // 2: the 16th; c3 again 40 minutes later, on the 17th: may join
            Row("2026-11-18 11:00", "c1"), // 3: the 18th; c1's last row was two days before
            Row("2026-11-17 00:10", "c3"), // 4: the 17th
            Row("2026-11-19 09:00", "c4"), // 5: the 19th
            Row("2026-11-16 08:00", "c2"), // 6: the 16th
        ];

        var groups = ImportGroups.Of(rows, Shipped.Policy.TimeZone);

        // The 16th and 17th are one group (c3 across midnight); the 18th and 19th each their own.
        Assert.Equal(
            [
                [0, 1, 2, 4, 6],
                [3],
                [5],
            ],
            groups.OrderBy(group => group[0]).Select(group => group.ToArray())
        );
    }

    [Fact]
    public void WithoutARepeatWindowEveryDayIsItsOwnGroup()
    {
        InboundContact[] rows = [Row("2026-11-16 23:30", "c3", 0), Row("2026-11-17 00:10", "c3", 0)];

        Assert.Equal(2, ImportGroups.Of(rows, Shipped.Policy.TimeZone).Count);
    }
}
