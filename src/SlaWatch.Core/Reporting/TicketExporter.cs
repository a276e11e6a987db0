using System.Runtime.CompilerServices;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// The tickets received in a run of days, one <see cref="TicketExportRow"/> each, day by day in the store's order:
/// what the export writes as CSV, JSON lines or a spreadsheet, from the command line and over HTTP. Rows are yielded
/// as they are read, so a year's export holds one day's index at a time. It reads, never writes.
/// </summary>
public sealed class TicketExporter(ITicketIndex index, ITicketStore tickets, SlaPolicy policy, TimeProvider time)
{
    public async IAsyncEnumerable<TicketExportRow> RowsAsync(
        ReportPeriod period,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = time.GetUtcNow();
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            var entries = await index.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries.Where(entry => entry.ReceivedThatDay))
            {
                if (await tickets.LoadAsync(entry.TicketId, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    yield return TicketExportRow.From(stored, policy, now);
                }
            }
        }
    }
}
