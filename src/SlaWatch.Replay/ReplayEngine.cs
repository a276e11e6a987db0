using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Replay.Input;

namespace SlaWatch.Replay;

/// <summary>
/// Drives the ingestion, scanner and report services through recorded input under a <see cref="VirtualClock"/>:
/// before each input it runs every scan the minute scanner would have run for the wake-ups due before it (at the
/// first minute boundary on or after each), then handles the input at its own instant. No minute is stepped
/// through in vain. At the end the clock runs to the close of the last day, and each day's report is computed.
/// </summary>
public sealed class ReplayEngine
{
    private readonly IngestionService _ingestion;
    private readonly TicketEventService _events;
    private readonly ITicketIndex _index;
    private readonly IQuarantine _quarantine;
    private readonly ReportService _reports;
    private readonly SlaPolicy _policy;
    private readonly VirtualClock _clock;
    private readonly ReplayTally _tally;
    private readonly Core.Scanning.SlaScanner _scanner;
    private readonly ChatWebhookHandler _chat;
    private readonly CallIngester _calls;
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    /// <summary>
    /// Events whose ticket is not in yet: one stamped before its contact (a wrong clock, a typing slip) comes before
    /// it in time order. Each waits for the tickets created after it, up to <see cref="EarlyEventWait"/>, then is
    /// recorded as <c>ingest</c> would record it: on its ticket if there is one, else kept in quarantine.
    /// </summary>
    private readonly List<(RecordItem Record, EventLine Line)> _waiting = [];
    private static readonly TimeSpan EarlyEventWait = TimeSpan.FromDays(1);

    private DateTimeOffset _lastScan;
    private int _scans;
    private ReplayCosts? _costs;

    /// <summary>A replay through services composed by <c>AddSlaWatchReplay</c> on a fresh store.</summary>
    public ReplayEngine(
        IngestionService ingestion,
        TicketEventService events,
        ITicketIndex index,
        IQuarantine quarantine,
        ReportService reports,
        Core.Scanning.SlaScanner scanner,
        ChatWebhookHandler chat,
        CallIngester calls,
        SlaPolicy policy,
        VirtualClock clock,
        ReplayTally tally
    )
    {
        _ingestion = ingestion;
        _events = events;
        _index = index;
        _quarantine = quarantine;
        _reports = reports;
        _scanner = scanner;
        _chat = chat;
        _calls = calls;
        _policy = policy;
        _clock = clock;
        _tally = tally;
    }

    public async Task<ReplayRun> RunAsync(
        ReplayInput input,
        ReplayOptions options,
        IProgress<ReplayProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var zone = _policy.TimeZone;
        input = input.Within(options);
        if (input.FirstDay is not { } firstInput || input.LastDay is not { } lastInput)
        {
            throw new InvalidOperationException("Nothing to replay: no readable input in the range.");
        }

        var firstDay = options.From ?? firstInput;
        var lastDay = options.To ?? lastInput;
        var start = ZoneMapping.StartOfDay(zone, firstDay);
        var end = ZoneMapping.StartOfDay(zone, lastDay.AddDays(1));
        _clock.MoveTo(start);
        (_lastScan, _costs) = (start.AddTicks(-1), options.Costs);

        var handled = 0;
        foreach (var item in input.Items())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item is not UnreadableItem)
            {
                await RecordWaitingAsync(item.At - EarlyEventWait, cancellationToken).ConfigureAwait(false);
                await ScanUntilAsync(item.At, cancellationToken).ConfigureAwait(false);
                _clock.MoveTo(item.At);
            }

            var handling = StartCost();
            var outcome = await HandleAsync(item, cancellationToken).ConfigureAwait(false);
            _costs?.Add(KindOf(item), handling);
            Count(outcome);
            if (outcome == "created" && _waiting.Count > 0)
            {
                await OfferWaitingAsync(cancellationToken).ConfigureAwait(false);
            }
            if (++handled % options.ProgressEvery == 0)
            {
                progress?.Report(new ReplayProgress(handled, input.Count, _scans, _clock.GetUtcNow()));
            }
        }

        await RecordWaitingAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        await ScanUntilAsync(end, cancellationToken).ConfigureAwait(false);
        _clock.MoveTo(end);
        await ScanAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(new ReplayProgress(handled, input.Count, _scans, _clock.GetUtcNow()));

        var reports = StartCost(everyThread: true);
        var days = (
            await _reports.RunDaysAsync(firstDay, lastDay, cancellationToken: cancellationToken).ConfigureAwait(false)
        ).ToList();
        _costs?.Add("reports", reports);

        // Without --to the input's last days may hold only follow-ups (closures, ratings) of earlier tickets.
        while (options.To is null && days.Count > 1 && days[^1].All.Received == 0)
        {
            days.RemoveAt(days.Count - 1);
        }

        return new ReplayRun(_policy.Version, days, _tally, _outcomes, handled, _scans, start, end);
    }

    /// <summary>Runs the scans due before <paramref name="until"/>: one per minute that has a wake-up, as the minute
    /// scanner would.</summary>
    private async Task ScanUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (await _index.NextDueAfterAsync(_lastScan, cancellationToken).ConfigureAwait(false) is { } due)
        {
            var scanAt = CeilingMinute(due);
            if (scanAt > until)
            {
                return;
            }

            _clock.MoveTo(scanAt);
            await ScanAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        var scan = StartCost();
        await _scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        _costs?.Add("scans", scan);
        _scans++;
        _lastScan = _clock.GetUtcNow();
    }

    // A value task: nearly every input is handled without waiting, and a task of its outcome was an allocation each.
    private async ValueTask<string> HandleAsync(ReplayItem item, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case MailItem mail:
                return await MailAsync(mail, cancellationToken).ConfigureAwait(false);
            case ChatItem { Action: { } action } chat:
                return (
                    await _chat
                        .ActAsync(action, chat.Body, chat.Origin, cancellationToken: cancellationToken)
                        .ConfigureAwait(false)
                ).Outcome;
            case ChatItem chat:
                return (
                    await _chat
                        .HandleAsync(
                            chat.Format,
                            null,
                            ReplayItems.NoHeaders,
                            chat.Body,
                            chat.At,
                            chat.Origin,
                            cancellationToken: cancellationToken
                        )
                        .ConfigureAwait(false)
                ).Outcome;
            case CallItem call:
                return (
                    await _calls.IngestAsync(call.Call, call.Origin, call.Raw, cancellationToken).ConfigureAwait(false)
                ).Word;
            case RecordItem { Line: ContactLine contact } record:
                return (
                    await _ingestion
                        .IngestAsync(contact.Contact, record.Origin, record.Raw, cancellationToken)
                        .ConfigureAwait(false)
                ).Word;
            case RecordItem { Line: EventLine recorded } record:
                var result = await _events
                    .TryRecordAsync(recorded.Ticket, recorded.Event, record.Origin, record.Raw, cancellationToken)
                    .ConfigureAwait(false);
                if (result.Outcome == RecordOutcome.NotFound)
                {
                    _waiting.Add((record, recorded));
                    return "waiting";
                }

                return result.Word;
            case UnreadableItem unreadable:
                await QuarantineAsync(
                        unreadable.Channel,
                        unreadable.Origin,
                        unreadable.Reason,
                        unreadable.Raw,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                return "rejected";
            default:
                throw new InvalidOperationException($"Unexpected replay item {item.GetType().Name}.");
        }
    }

    /// <summary>A ticket was created: the events waiting for theirs try again.</summary>
    private async Task OfferWaitingAsync(CancellationToken cancellationToken)
    {
        // In the order they came, so records that land on the same instant keep theirs.
        foreach (var waiting in _waiting.ToArray())
        {
            var (record, line) = waiting;
            var result = await _events
                .TryRecordAsync(line.Ticket, line.Event, record.Origin, record.Raw, cancellationToken)
                .ConfigureAwait(false);
            if (result.Outcome != RecordOutcome.NotFound)
            {
                _waiting.Remove(waiting);
                Count(result.Word);
            }
        }
    }

    /// <summary>Events that waited long enough (stamped before <paramref name="before"/>) are recorded or
    /// quarantined.</summary>
    private async Task RecordWaitingAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        // Asked before every input, and nearly always none waits: no query, closure or copy is made for none (the
        // closure lives in its own method: here it was made on entry, every input).
        if (_waiting.Count == 0)
        {
            return;
        }

        foreach (var (record, line) in WaitedUntil(before))
        {
            _waiting.Remove((record, line));
            Count(
                (
                    await _events
                        .RecordAsync(line.Ticket, line.Event, record.Origin, record.Raw, cancellationToken)
                        .ConfigureAwait(false)
                ).Word
            );
        }
    }

    private (RecordItem Record, EventLine Line)[] WaitedUntil(DateTimeOffset before) =>
        [.. _waiting.Where(waiting => waiting.Line.Event.At < before)];

    private async ValueTask<string> MailAsync(MailItem item, CancellationToken cancellationToken)
    {
        var read = item.Read ?? MailRead.Of(item);
        if (read.Contact is not { } contact)
        {
            await QuarantineAsync("email", item.Origin, read.Refusal!, read.Raw.Text!, cancellationToken)
                .ConfigureAwait(false);
            return "rejected";
        }

        return (
            await _ingestion.IngestAsync(contact, item.Origin, read.Raw, cancellationToken).ConfigureAwait(false)
        ).Word;
    }

    private Task QuarantineAsync(
        string channel,
        string origin,
        string reason,
        string raw,
        CancellationToken cancellationToken
    ) =>
        _quarantine.PutAsync(new QuarantinedInput(channel, _clock.GetUtcNow(), origin, reason, raw), cancellationToken);

    private void Count(string outcome)
    {
        // A waiting event is counted once it is recorded or given up on.
        if (outcome != "waiting")
        {
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        }
    }

    // Measured only when asked: a replay that keeps no costs reads no clock an input.
    private ReplayCosts.Started? StartCost(bool everyThread = false) =>
        _costs is null ? null : ReplayCosts.Start(everyThread);

    private static string KindOf(ReplayItem item) =>
        item switch
        {
            MailItem => "mails",
            ChatItem => "chat messages",
            CallItem => "calls",
            RecordItem { Line: ContactLine } => "contact lines",
            RecordItem => "event lines",
            _ => "unreadable inputs",
        };

    /// <summary>The first minute boundary on or after <paramref name="instant"/>.</summary>
    private static DateTimeOffset CeilingMinute(DateTimeOffset instant)
    {
        var floor = new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return floor == instant ? floor : floor.AddMinutes(1);
    }
}
