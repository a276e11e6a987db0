using System.Collections.Concurrent;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Concurrency;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Scanning;

/// <summary>
/// The minute scan (docs/architecture.md, "Scan"): reads the DueIndex buckets from the watermark (less a look-back) to
/// now, recomputes each due ticket's clocks (pauses and re-targets may have moved them), announces every warning,
/// breach and escalation reached exactly once (claimed in the ledger first, so two scanners never both announce),
/// the longest due first, batches a recipient's announcements into one digest above a threshold (a scan slowed by its
/// store delivers in rounds, each its own digests), records escalations on the ticket and moves its wake-up to the
/// next threshold. Its cost follows what is due, not the open backlog.
/// </summary>
public sealed class SlaScanner(
    ITicketStore store,
    ITicketIndex index,
    TicketWriter writer,
    INotificationLedger ledger,
    INotifier notifier,
    ICheckpointStore checkpoints,
    ScanOptions? options = null,
    AnomalyDetector? anomalies = null
)
{
    public const string WatermarkKey = "scanner:watermark";

    private readonly ScanOptions _options = options ?? new ScanOptions();
    private WeekWarnings? _warnings;

    // Read-only lists: most due tickets claim nothing, and an empty one is then no allocation.
    private sealed record Due(
        DueEntry Entry,
        StoredTicket? Ticket,
        IReadOnlyList<Announcement> Claimed,
        IReadOnlyList<TicketEvent> Escalations,
        int Clocks = 0
    );

    public async Task<ScanReport> ScanAsync(CancellationToken cancellationToken = default)
    {
        var now = writer.Now;
        var watermark = await checkpoints.GetAsync(WatermarkKey, cancellationToken).ConfigureAwait(false);
        var from = watermark is null ? now - _options.FirstScanWindow : BucketStart(watermark) - _options.LookBack;
        var report = new ScanReport
        {
            FromBucket = DueEntry.BucketOf(from),
            ToBucket = DueEntry.BucketOf(now),
            CalendarWarnings = CalendarWarnings(now),
        };
        report.BucketsRead = (int)((BucketStart(report.ToBucket) - BucketStart(report.FromBucket)).TotalMinutes + 1);

        var read = await index
            .ReadDueAsync(report.FromBucket, report.ToBucket, cancellationToken)
            .ConfigureAwait(false);
        report.EntriesRead = read.Count;
        // An entry later in this minute is not due yet: the next scan reads the minute again (the watermark stays on
        // it) and takes it then. Taken now, it would be loaded and its ticket claimed for nothing, by every scan of
        // the minute.
        var entries = read.Where(entry => entry.At <= now).ToArray();
        // Each due ticket is loaded and claimed on its own, several at once: a minute with a thousand due takes
        // seconds, not minutes. A ticket's other entries in the window go with the first. The longest due go first.
        var groups = entries
            .GroupBy(entry => entry.TicketId)
            .Select(group => group.OrderBy(entry => entry.At).ToArray())
            .OrderBy(group => group[0].At)
            .ToArray();
        var due = new List<Due>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var (delivered, lastDelivery) = (0, writer.Now);
        // Claimed a slice at a time: a slow scan (a store under load) delivers what it has claimed every so often
        // rather than once at its end, so the first breaches are not held back by the last tickets' claims.
        for (var start = 0; start < groups.Length; start += _options.Parallelism * 4)
        {
            var slice = groups.AsMemory(start, Math.Min(_options.Parallelism * 4, groups.Length - start));
            var claimed = new Due[slice.Length];
            await InFlight
                .ForAsync(
                    slice.Length,
                    _options.Parallelism,
                    async (i, token) =>
                        claimed[i] = await ClaimAsync(slice.Span[i][0], now, token).ConfigureAwait(false),
                    cancellationToken
                )
                .ConfigureAwait(false);
            for (var i = 0; i < slice.Length; i++)
            {
                due.Add(claimed[i]);
                due.AddRange(slice.Span[i].Skip(1).Select(entry => new Due(entry, null, [], [])));
                report.ClocksRecomputed += claimed[i].Clocks;
            }

            if (start + slice.Length == groups.Length || writer.Now - lastDelivery >= _options.DeliverEvery)
            {
                failed.UnionWith(await DeliverAsync(due[delivered..], report, cancellationToken).ConfigureAwait(false));
                (delivered, lastDelivery) = (due.Count, writer.Now);
            }
        }

        report.TicketsLoaded = groups.Length;
        await AlertAsync(now, report, cancellationToken).ConfigureAwait(false);
        // The wake-ups fired or moved from, taken out together once every ticket is written: they lie in the few
        // minutes read, so a store sends them as transactions of a partition's instead of one request each. A crash
        // before leaves them, and the next scan checks them against their tickets. A queue, not a bag: a bag keeps a
        // thread-local with a finalizer, so every scan's bag and the entries in it outlived a collection, promoted.
        var removals = new ConcurrentQueue<DueEntry>();
        await InFlight
            .ForEachAsync(
                due,
                _options.Parallelism,
                async (item, token) =>
                {
                    if (failed.Contains(item.Entry.TicketId))
                    {
                        foreach (var announcement in item.Claimed)
                        {
                            await ledger
                                .ReleaseAsync(item.Entry.TicketId, announcement.Key, token)
                                .ConfigureAwait(false);
                        }

                        return;
                    }

                    var written = item.Ticket is null
                        ? null
                        : await writer
                            .RescheduleAsync(item.Ticket, now, item.Escalations, removals, token)
                            .ConfigureAwait(false);
                    // The writer gives the wake-up the ticket owned when it moves it; an entry it did not own goes too.
                    var removedByWriter =
                        written is { Written: true } && DueEntry.SameRow(item.Ticket?.Index.WakeUp, item.Entry);
                    if (!DueEntry.SameRow(written?.Ticket.Index.WakeUp, item.Entry) && !removedByWriter)
                    {
                        removals.Enqueue(item.Entry);
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        await index.RemoveDuesAsync([.. removals], cancellationToken).ConfigureAwait(false);

        // Undelivered announcements keep their wake-ups, and the watermark waits for them.
        var oldestFailed = due.Where(item => failed.Contains(item.Entry.TicketId))
            .Select(item => item.Entry.Bucket)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        await checkpoints
            .SetAsync(WatermarkKey, oldestFailed ?? report.ToBucket, cancellationToken)
            .ConfigureAwait(false);
        return report;
    }

    /// <summary>The week ahead's calendar warnings, worked out once a week's dates: a scan runs every minute.</summary>
    private IReadOnlyList<Policies.CalendarWarning> CalendarWarnings(DateTimeOffset now)
    {
        var (from, to) = (writer.LocalDay(now), writer.LocalDay(now.AddDays(7)));
        if (_warnings is not { } kept || kept.From != from || kept.To != to)
        {
            // One reference, so scans at once read one week's warnings whole.
            _warnings = kept = new WeekWarnings(from, to, writer.Policy.CalendarWarnings(from, to));
        }

        return kept.Warnings;
    }

    private sealed record WeekWarnings(DateOnly From, DateOnly To, IReadOnlyList<Policies.CalendarWarning> Warnings);

    private async Task<Due> ClaimAsync(DueEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = await store.LoadAsync(entry.TicketId, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return new Due(entry, null, [], []);
        }

        var clocks = SlaClockCalculator.Compute(ticket.Events, writer.Policy, now);
        // Every threshold reached, most of them claimed by an earlier scan: claimed by key first, so announcements are
        // made only for what this scan won. The list is made for the first reached (none is, for many a due ticket),
        // and the loops go by index (an enumerator of a list is an allocation, for every clock of every due ticket).
        List<(SlaClock Clock, Threshold Threshold, List<Threshold> Levels, string Key)>? reached = null;
        for (var c = 0; c < clocks.Count; c++)
        {
            var clock = clocks[c];
            // A person who acknowledged an alert on this clock has it in hand: its later levels are not announced.
            DateTimeOffset? acknowledged = null;
            for (var e = 0; e < ticket.Events.Count; e++)
            {
                if (ticket.Events[e] is AlertAcknowledged ack && ack.Metric == clock.Metric && ack.Cycle == clock.Cycle)
                {
                    acknowledged = acknowledged is { } earlier && earlier <= ack.At ? earlier : ack.At;
                }
            }

            var levels = Thresholds.Of(clock);
            foreach (var threshold in levels)
            {
                if (Thresholds.Reached(clock, threshold, now) && !(threshold.At > acknowledged))
                {
                    var key = Announcement.KeyOf(clock.Metric, clock.Cycle, threshold.Kind, threshold.Level);
                    (reached ??= []).Add((clock, threshold, levels, key));
                }
            }
        }

        if (reached is null)
        {
            return new Due(entry, ticket, [], [], clocks.Count);
        }

        // Everything this ticket reached, claimed in one request; what another scanner claimed first is theirs.
        var keys = new string[reached.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = reached[i].Key;
        }

        var won = await ledger.TryClaimAllAsync(ticket.Id, keys, cancellationToken).ConfigureAwait(false);
        if (won.Count == 0)
        {
            return new Due(entry, ticket, [], [], clocks.Count);
        }

        // Folded only for what it announces: most due tickets' thresholds were claimed by an earlier scan.
        var state = ticket.State;
        var claimed = new List<Announcement>();
        var escalations = new List<TicketEvent>();
        var (number, overdueReason) = (
            ticket.Number.ToString(),
            ContactMasking.InText(state.OverdueReason, writer.Policy.PhoneMask)
        );
        foreach (var (clock, threshold, levels, key) in reached)
        {
            if (!won.Contains(key))
            {
                continue;
            }

            var announcement = new Announcement(
                threshold.Kind,
                threshold.Level,
                Recipient(threshold.Notify, state.Owner),
                ticket.Id,
                number,
                state.Channel,
                state.Priority,
                clock.Metric,
                clock.TargetDescription,
                clock.Due,
                clock.Elapsed,
                state.Owner,
                overdueReason,
                threshold.At
            )
            {
                Cycle = clock.Cycle,
                Later = LaterThan(levels, threshold.At),
            };
            claimed.Add(announcement);
            if (announcement.Level > 0)
            {
                escalations.Add(
                    new Escalated(now, "scanner", announcement.EscalationRef(), clock.Metric, announcement.Level)
                );
            }
        }

        return new Due(entry, ticket, claimed, escalations, clocks.Count);
    }

    /// <summary>Sends each recipient's announcements, as one digest above the threshold; returns tickets whose delivery
    /// failed.</summary>
    /// <param name="due">The tickets claimed since the last delivery.</param>
    private async Task<HashSet<string>> DeliverAsync(
        List<Due> due,
        ScanReport report,
        CancellationToken cancellationToken
    )
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var all = due.SelectMany(item => item.Claimed).ToList();
        foreach (var announcement in all)
        {
            report.Announcements[announcement.Kind] = report.Announcements.GetValueOrDefault(announcement.Kind) + 1;
        }

        foreach (var recipient in all.GroupBy(announcement => announcement.Recipient))
        {
            var items = recipient.OrderBy(announcement => announcement.ReachedAt).ToList();
            var notifications =
                items.Count > _options.DigestThreshold
                    ? [new Notification(recipient.Key, items, IsDigest: true)]
                    : items.Select(item => new Notification(recipient.Key, [item], IsDigest: false)).ToList();
            foreach (var notification in notifications)
            {
                try
                {
                    await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
                    report.Notifications++;
                    report.Digests += notification.IsDigest ? 1 : 0;
                }
                catch (Exception error) when (IsDeliveryFailure(error))
                {
                    report.DeliveryFailures++;
                    failed.UnionWith(notification.Items.Select(item => item.TicketId));
                }
            }
        }

        return failed;
    }

    private async Task AlertAsync(DateTimeOffset now, ScanReport report, CancellationToken cancellationToken)
    {
        if (anomalies is null)
        {
            return;
        }

        var alerts = await anomalies.CheckAsync(now, cancellationToken).ConfigureAwait(false);
        if (alerts.Count == 0)
        {
            return;
        }

        foreach (var alert in alerts)
        {
            var kind = $"anomaly-{alert.Rule}";
            report.Announcements[kind] = report.Announcements.GetValueOrDefault(kind) + 1;
        }

        try
        {
            await notifier
                .NotifyAsync(
                    new Notification(anomalies.Recipient, [], IsDigest: false) { Alerts = alerts },
                    cancellationToken
                )
                .ConfigureAwait(false);
            report.Notifications++;
        }
        catch (Exception error) when (IsDeliveryFailure(error))
        {
            report.DeliveryFailures++;
            foreach (var alert in alerts)
            {
                await anomalies.ReleaseAsync(alert, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Who is told at a clock's levels after one: counted, then filled, not a query's iterators, for every announcement.
    private static string[] LaterThan(List<Threshold> levels, DateTimeOffset at)
    {
        var count = 0;
        foreach (var level in levels)
        {
            count += level.At > at ? 1 : 0;
        }

        var (later, next) = (new string[count], 0);
        foreach (var level in levels)
        {
            if (level.At > at)
            {
                later[next++] = level.Notify;
            }
        }

        return later;
    }

    private static string Recipient(string notify, string? owner) =>
        notify == "owner" ? $"owner:{owner ?? "unassigned"}" : notify;

    private static DateTimeOffset BucketStart(string bucket) =>
        DateTimeOffset.ParseExact(
            bucket,
            "yyyyMMddHHmm",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal
        );

    /// <summary>
    /// A notification that did not arrive (its transport refused it, could not be reached, or timed out): its claims
    /// are released so a later scan announces again. Anything else is a defect and stops the scan.
    /// </summary>
    private static bool IsDeliveryFailure(Exception error) =>
        error
            is DeliveryFailedException
                or HttpRequestException
                or IOException
                or TimeoutException
                or InvalidOperationException;
}
