using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>The night's report (<see cref="NightlyReport"/>) on its schedule, after midnight in the policy's
/// zone.</summary>
public sealed partial class DailyReport(NightlyReport nightly, ILogger<DailyReport> logger)
{
    [Function(nameof(DailyReport))]
    public async Task<NightlyReportRun> RunAsync(
        [TimerTrigger("%" + TriggerNames.DailyReportSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(timer);
        var run = await nightly.RunAsync(cancellationToken).ConfigureAwait(false);
        if (timer.IsPastDue)
        {
            Log.Late(logger, run.First);
        }

        foreach (var day in run.Computed)
        {
            Log.Day(logger, day.From, day.All.Received, day.All.Breaches, day.Figures.Count);
        }

        Log.Done(logger, run.Alerts, run.Mailed, run.Refreshed);
        return run;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Daily report: late; caught up from {First}")]
        public static partial void Late(ILogger logger, DateOnly first);

        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Daily report {Day}: {Received} tickets, {Breaches} clocks breached, {Dimensions} dimensions"
        )]
        public static partial void Day(ILogger logger, DateOnly day, long received, long breaches, int dimensions);

        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Daily report: {Alerts} early warnings, {Mailed} report e-mails sent, {Refreshed} days refreshed"
        )]
        public static partial void Done(ILogger logger, int alerts, int mailed, int refreshed);
    }
}
