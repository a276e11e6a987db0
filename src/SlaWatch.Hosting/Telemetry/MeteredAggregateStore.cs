using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Hosting.Telemetry;

/// <summary>Records each stored day's percentiles once it is stored, so the workbook charts what the reports
/// say.</summary>
internal sealed class MeteredAggregateStore(IAggregateStore inner, SlaMetrics metrics) : IAggregateStore
{
    public async Task ReplaceDayAsync(DailyAggregate day, CancellationToken cancellationToken = default)
    {
        await inner.ReplaceDayAsync(day, cancellationToken).ConfigureAwait(false);
        metrics.DayStored(day);
    }

    public Task<DailyAggregate?> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        inner.ReadDayAsync(day, cancellationToken);
}
