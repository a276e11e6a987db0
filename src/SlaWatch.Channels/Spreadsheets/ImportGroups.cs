using SlaWatch.Core.Calendars;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Channels.Spreadsheets;

/// <summary>
/// Which rows of a sheet may be imported side by side without changing what any row becomes. A day's tickets are
/// numbered in the order they are created, so a day's rows stay in sheet order, one after another; a row joins an
/// earlier ticket of its customer only within the repeat window, so two days are one group when a customer has
/// rows on both that close together. Everything else, day by day, may run at once.
/// </summary>
public static class ImportGroups
{
    /// <summary>The rows' indexes in groups, each in sheet order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Of(IReadOnlyList<InboundContact> contacts, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var days = contacts.Select(contact => ZoneMapping.LocalDate(zone, contact.ReceivedAt)).ToArray();
        var parent = days.Distinct().ToDictionary(day => day, day => day);
        DateOnly Root(DateOnly day)
        {
            while (parent[day] != day)
            {
                day = parent[day] = parent[parent[day]];
            }

            return day;
        }

        foreach (
            var customer in Enumerable
                .Range(0, contacts.Count)
                .GroupBy(i => contacts[i].RepeatKey ?? contacts[i].From, StringComparer.Ordinal)
        )
        {
            var ordered = customer.OrderBy(i => contacts[i].ReceivedAt).ToArray();
            for (var k = 1; k < ordered.Length; k++)
            {
                var (earlier, later) = (ordered[k - 1], ordered[k]);
                if (
                    days[earlier] != days[later]
                    && contacts[later].ReceivedAt - contacts[earlier].ReceivedAt <= contacts[later].RepeatWindow
                )
                {
                    parent[Root(days[later])] = Root(days[earlier]);
                }
            }
        }

        return
        [
            .. Enumerable
                .Range(0, contacts.Count)
                .GroupBy(i => Root(days[i]))
                .Select(group => (IReadOnlyList<int>)[.. group.Order()]),
        ];
    }
}
