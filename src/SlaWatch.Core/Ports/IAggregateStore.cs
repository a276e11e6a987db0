using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Ports;

/// <summary>DailyAggregates: one day's figures per dimension, replaced whole when the day is run again.</summary>
public interface IAggregateStore
{
    Task ReplaceDayAsync(DailyAggregate day, CancellationToken cancellationToken = default);

    Task<DailyAggregate?> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default);
}
