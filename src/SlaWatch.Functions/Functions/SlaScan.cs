using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Hosting;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// The minute scan. A late run (IsPastDue) needs no special path: the scanner reads every bucket from its watermark,
/// so it announces what the missed runs would have.
/// </summary>
public sealed partial class SlaScan(SlaScanner scanner, ILogger<SlaScan> logger)
{
    [Function(nameof(SlaScan))]
    public async Task<ScanReport> RunAsync([TimerTrigger("%" + Triggers.SlaScanSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var report = await scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        var announced = report.Announcements.Values.Sum();
        Log.Scanned(logger, timer.IsPastDue, report.FromBucket, report.ToBucket, report.EntriesRead, report.TicketsLoaded, announced, report.Notifications, report.DeliveryFailures);
        return report;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "SLA scan (late: {Late}): buckets {From}..{To}, {Due} due, {Tickets} tickets; {Announced} announced in {Notifications} notifications, {Failed} failed")]
        public static partial void Scanned(ILogger logger, bool late, string from, string to, int due, int tickets, int announced, int notifications, int failed);
    }
}
