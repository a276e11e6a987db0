using SlaWatch.Functions.Hosting;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// The minute scan. A late run (IsPastDue) needs no special path: the scanner reads every bucket from its watermark,
/// so it announces what the missed runs would have.
/// </summary>
internal static class SlaScan
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var report = await app.Scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        var announced = report.Announcements.Count == 0 ? "nothing" : string.Join(", ", report.Announcements.Select(pair => $"{pair.Value} {pair.Key}"));
        return InvocationResult.Done(
            $"sla scan{(invocation.IsPastDue() ? " (late: catching up from the watermark)" : string.Empty)}: buckets {report.FromBucket}..{report.ToBucket}, {report.EntriesRead} due, {report.TicketsLoaded} tickets; announced {announced}; {report.Notifications} notifications, {report.DeliveryFailures} failed");
    }
}
