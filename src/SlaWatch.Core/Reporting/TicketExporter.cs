using System.Runtime.CompilerServices;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// The tickets received in a run of days, one <see cref="TicketExportRow"/> each, day by day in the store's order:
/// what the export writes as CSV, JSON lines or a spreadsheet, from the command line and over HTTP. Rows are yielded
/// as they are read, so a year's export holds one day's index and a batch of tickets at a time. It reads, never
/// writes.
/// </summary>
public sealed class TicketExporter(ITicketIndex index, ITicketStore tickets, SlaPolicy policy, TimeProvider time)
{
    private const int Batch = 256;
    private const int Parallelism = 16;

    public async IAsyncEnumerable<TicketExportRow> RowsAsync(
        ReportPeriod period,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = time.GetUtcNow();
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            var entries = (await index.ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
                .Where(entry => entry.ReceivedThatDay)
                .ToArray();
            // A batch read side by side, then written in the day's order: a round trip each would make a year's
            // export wait on every ticket in turn; a batch at a time keeps memory to a batch.
            foreach (var batch in entries.Chunk(Batch))
            {
                var loaded = new StoredTicket?[batch.Length];
                await Parallel
                    .ForAsync(
                        0,
                        batch.Length,
                        new ParallelOptions
                        {
                            MaxDegreeOfParallelism = Parallelism,
                            CancellationToken = cancellationToken,
                        },
                        async (i, token) =>
                            loaded[i] = await tickets.LoadAsync(batch[i].TicketId, token).ConfigureAwait(false)
                    )
                    .ConfigureAwait(false);
                foreach (var stored in loaded.OfType<StoredTicket>())
                {
                    yield return TicketExportRow.From(stored, policy, now);
                }
            }
        }
    }
}
