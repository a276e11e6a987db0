using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The minute scan. A late run (IsPastDue) needs no special path: the scanner reads every bucket from its watermark,
/// so it announces what the missed runs would have.
/// </summary>
public sealed partial class SlaScan(SlaScanner scanner, ILogger<SlaScan> logger)
{
    // The worker makes a function object per invocation: what was said is remembered per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Said = new(
        StringComparer.Ordinal
    );

    [Function(nameof(SlaScan))]
    public async Task<ScanReport> RunAsync(
        [TimerTrigger("%" + TriggerNames.SlaScanSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(timer);
        var report = await scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        foreach (
            var warning in report.CalendarWarnings.Where(warning =>
                Said.TryAdd($"{warning.Calendar}|{string.Join(',', warning.Years)}", true)
            )
        )
        {
            Log.CalendarOutOfRange(
                logger,
                CalendarWarning.OutOfRange,
                warning.Calendar,
                string.Join(',', warning.Years),
                warning.CoveredFrom,
                warning.CoveredThrough
            );
        }

        var announced = report.Announcements.Values.Sum();
        Log.Scanned(
            logger,
            timer.IsPastDue,
            report.FromBucket,
            report.ToBucket,
            report.EntriesRead,
            report.TicketsLoaded,
            announced,
            report.Notifications,
            report.DeliveryFailures
        );
        return report;
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "{Code}: calendar {Calendar} has no holiday data for {Years} (it covers {CoveredFrom} to "
                + "{CoveredThrough}): due instants there ignore holidays; import the year's holidays"
        )]
        public static partial void CalendarOutOfRange(
            ILogger logger,
            string code,
            string calendar,
            string years,
            DateOnly coveredFrom,
            DateOnly coveredThrough
        );

        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "SLA scan (late: {Late}): buckets {From}..{To}, {Due} due, {Tickets} tickets; {Announced} "
                + "announced in {Notifications} notifications, {Failed} failed"
        )]
        public static partial void Scanned(
            ILogger logger,
            bool late,
            string from,
            string to,
            int due,
            int tickets,
            int announced,
            int notifications,
            int failed
        );
    }
}
