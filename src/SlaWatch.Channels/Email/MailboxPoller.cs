using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Email;

/// <summary>
/// One poll cycle of the support mailbox: new INBOX messages become tickets or messages on tickets (arrival = the
/// server's INTERNALDATE), new tickets get an acknowledgement over SMTP, agents' replies in Sent become first
/// responses. Per folder the checkpoint is UIDVALIDITY and the last UID handled; a changed UIDVALIDITY re-reads the
/// folder, which creates no duplicates because ingestion is idempotent. A message is marked \Seen and passed by the
/// checkpoint only once its ticket is stored, so a failure leaves it to the next poll.
/// </summary>
public sealed class MailboxPoller
{
    private readonly MailOptions _options;
    private readonly IngestionService _ingestion;
    private readonly TicketEventService _events;
    private readonly IQuarantine _quarantine;
    private readonly ICheckpointStore _checkpoints;
    private readonly SlaPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public MailboxPoller(
        MailOptions options,
        IngestionService ingestion,
        TicketEventService events,
        IQuarantine quarantine,
        ICheckpointStore checkpoints,
        SlaPolicy policy,
        TimeProvider time
    )
    {
        _options = options;
        _ingestion = ingestion;
        _events = events;
        _quarantine = quarantine;
        _checkpoints = checkpoints;
        _policy = policy;
        _time = time;
        _pipeline = MailResilience.Create(options, time);
    }

    public async Task<PollReport> PollAsync(CancellationToken cancellationToken = default)
    {
        var report = new PollReport();
        try
        {
            await _pipeline
                .ExecuteAsync(
                    async token => await PollOnceAsync(report, token).ConfigureAwait(false),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        catch (BrokenCircuitException error)
        {
            report.Skipped = $"the mail server failed repeatedly; polling pauses ({error.Message})";
        }

        return report;
    }

    private async Task PollOnceAsync(PollReport report, CancellationToken cancellationToken)
    {
        using var imap = new ImapClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        await imap.ConnectAsync(_options.ImapHost, _options.ImapPort, _options.ImapSecurity, cancellationToken)
            .ConfigureAwait(false);
        await imap.AuthenticateAsync(_options.User, _options.Password, cancellationToken).ConfigureAwait(false);
        // Sent first: a customer's answer to an agent's reply in the same poll can then find its ticket.
        if (_options.SentFolder is { } sentName)
        {
            IMailFolder? sent = null;
            try
            {
                sent = await imap.GetFolderAsync(sentName, cancellationToken).ConfigureAwait(false);
            }
            catch (FolderNotFoundException)
            {
                // No Sent folder yet: nothing has been answered from this mailbox.
            }

            if (sent is not null)
            {
                await ReadFolderAsync(
                        sent,
                        report,
                        markSeen: false,
                        (raw, arrived, origin, token) => AgentReplyAsync(raw, arrived, origin, report, token),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
        }

        var inbox = await imap.GetFolderAsync(_options.Inbox, cancellationToken).ConfigureAwait(false);
        await ReadFolderAsync(
                inbox,
                report,
                markSeen: true,
                (raw, arrived, origin, token) => CustomerMessageAsync(raw, arrived, origin, report, token),
                cancellationToken
            )
            .ConfigureAwait(false);

        await imap.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadFolderAsync(
        IMailFolder folder,
        PollReport report,
        bool markSeen,
        Func<byte[], DateTimeOffset, string, CancellationToken, Task> handle,
        CancellationToken cancellationToken
    )
    {
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        var key = string.Create(
            CultureInfo.InvariantCulture,
            $"imap:{_options.User}@{_options.ImapHost}:{_options.ImapPort}/{folder.FullName}"
        );
        var (validity, lastUid) = Checkpoint(await _checkpoints.GetAsync(key, cancellationToken).ConfigureAwait(false));
        if (validity != folder.UidValidity)
        {
            report.Resynced += validity == 0 ? 0 : 1;
            lastUid = 0;
        }

        var uids = (await folder.SearchAsync(SearchQuery.All, cancellationToken).ConfigureAwait(false))
            .Where(uid => uid.Id > lastUid)
            .OrderBy(uid => uid.Id)
            .Take(_options.MaxMessagesPerPoll)
            .ToList();
        if (uids.Count == 0)
        {
            await _checkpoints
                .SetAsync(key, $"{folder.UidValidity}:{lastUid}", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var summaries = (
            await folder
                .FetchAsync(
                    uids,
                    new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate),
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).ToDictionary(summary => summary.UniqueId);
        foreach (var uid in uids)
        {
            report.Fetched++;
            byte[] raw;
            using (var stream = await folder.GetStreamAsync(uid, string.Empty, cancellationToken).ConfigureAwait(false))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                raw = copy.ToArray();
            }

            var arrived =
                summaries.TryGetValue(uid, out var summary) && summary.InternalDate is { } internalDate
                    ? internalDate
                    : _time.GetUtcNow();
            await handle(raw, arrived, $"imap {folder.FullName} uid {uid.Id}", cancellationToken).ConfigureAwait(false);
            if (markSeen)
            {
                await folder
                    .StoreAsync(
                        uid,
                        new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true },
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }

            await _checkpoints.SetAsync(key, $"{folder.UidValidity}:{uid.Id}", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CustomerMessageAsync(
        byte[] raw,
        DateTimeOffset arrived,
        string origin,
        PollReport report,
        CancellationToken cancellationToken
    )
    {
        if (await ParseOrQuarantineAsync(raw, origin, report, cancellationToken).ConfigureAwait(false) is not { } mail)
        {
            return;
        }

        if (MailContact.Of(mail, arrived, _options.SupportAddress) is not { } contact)
        {
            await QuarantineAsync(raw, origin, MailContact.NoSender, report, cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await _ingestion
            .IngestAsync(contact, origin, RawInput.Of(raw, MailContact.RawText), cancellationToken)
            .ConfigureAwait(false);
        switch (result.Outcome)
        {
            case IngestOutcome.Created:
                report.Created++;
                break;
            case IngestOutcome.Threaded:
                report.Threaded++;
                break;
            case IngestOutcome.Duplicate:
                report.Duplicates++;
                break;
            case IngestOutcome.Ignored:
                report.Automatic++;
                return;
            case IngestOutcome.Rejected:
                report.Quarantined++;
                return;
        }

        // A duplicate may be a message whose acknowledgement failed last time: acknowledge what is still
        // unacknowledged.
        if (
            !contact.Automatic
            && result.Outcome is IngestOutcome.Created or IngestOutcome.Duplicate
            && result.TicketId is { } ticketId
        )
        {
            await AcknowledgeAsync(ticketId, mail, report, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AcknowledgeAsync(
        string ticketId,
        ParsedMail mail,
        PollReport report,
        CancellationToken cancellationToken
    )
    {
        var ticket = await _events.FindAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (
            ticket is null
            || _options.SmtpHost is null
            || ticket.State.AcknowledgedAt is not null
            || !string.Equals(ticket.State.SourceRef, mail.SourceId, StringComparison.Ordinal)
        )
        {
            return;
        }

        var now = _time.GetUtcNow();
        var due = SlaClockCalculator
            .Compute(ticket.Events, _policy, now)
            .FirstOrDefault(clock => clock.Metric == SlaMetric.FirstResponse)
            ?.Due;
        using var message = Acknowledgement.Compose(_options, mail, ticket.Number.ToString(), due, _policy.TimeZone);
        try
        {
            await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
            when (error
                    is IOException
                        or SmtpCommandException
                        or SmtpProtocolException
                        or System.Net.Sockets.SocketException
                        or MailKit.Security.AuthenticationException
            )
        {
            // The ticket is stored; its acknowledgement clock shows the miss. The next poll does not retry it.
            report.AcknowledgementsFailed++;
            return;
        }

        await _events
            .RecordAsync(
                ticketId,
                new Acknowledged(now, "system", message.MessageId),
                "acknowledgement",
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
        report.Acknowledged++;
    }

    private Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        SmtpSending.SendAsync(_options, message, cancellationToken);

    private async Task AgentReplyAsync(
        byte[] raw,
        DateTimeOffset arrived,
        string origin,
        PollReport report,
        CancellationToken cancellationToken
    )
    {
        if (await ParseOrQuarantineAsync(raw, origin, report, cancellationToken).ConfigureAwait(false) is not { } mail)
        {
            return;
        }

        // Our own acknowledgements are already recorded; mail not sent from the support address is not a reply.
        if (mail.IsAutomatic || mail.FromAddress is null || !IsOurs(mail.FromAddress))
        {
            return;
        }

        var actor = mail.FromName ?? "support";
        var markers = _options.ResolveMarkers.Where(marker => marker.Length > 0).ToArray();
        var resolves = markers.Any(marker =>
            mail.Excerpt.Contains(marker, StringComparison.OrdinalIgnoreCase)
            || mail.Subject.Contains(marker, StringComparison.OrdinalIgnoreCase)
        );
        // The solution as the customer reads it: the reply without the marker.
        var text = Excerpts.Of(
            markers.Aggregate(mail.Excerpt, (excerpt, marker) =>
                excerpt.Replace(marker, string.Empty, StringComparison.OrdinalIgnoreCase)
            )
        );
        TicketEvent response = new AgentResponse(arrived, actor, mail.SourceId, text);
        var results = await _events
            .RecordReplyAllAsync(
                Channel.Email,
                mail.ThreadReferences,
                mail.Subject,
                resolves
                    ?
                    [
                        response,
                        new StatusChanged(arrived, actor, mail.SourceId + ":resolved", TicketStatus.Resolved, text),
                    ]
                    : [response],
                origin,
                cancellationToken
            )
            .ConfigureAwait(false);
        report.AgentResponses += results[0].Outcome == RecordOutcome.Recorded ? 1 : 0;
        report.ResolvedByReply += results.Skip(1).Count(result => result.Outcome == RecordOutcome.Recorded);
    }

    private async Task<ParsedMail?> ParseOrQuarantineAsync(
        byte[] raw,
        string origin,
        PollReport report,
        CancellationToken cancellationToken
    )
    {
        var (mail, refusal) = MailContact.Parse(raw);
        if (refusal is not null)
        {
            await QuarantineAsync(raw, origin, refusal, report, cancellationToken).ConfigureAwait(false);
        }

        return mail;
    }

    private async Task QuarantineAsync(
        byte[] raw,
        string origin,
        string reason,
        PollReport report,
        CancellationToken cancellationToken
    )
    {
        await _quarantine
            .PutAsync(
                new QuarantinedInput("email", _time.GetUtcNow(), origin, reason, MailContact.RawText(raw)),
                cancellationToken
            )
            .ConfigureAwait(false);
        report.Quarantined++;
    }

    private bool IsOurs(string address) =>
        string.Equals(address, _options.SupportAddress, StringComparison.OrdinalIgnoreCase);

    private static (uint Validity, uint LastUid) Checkpoint(string? value)
    {
        var parts = value?.Split(':');
        return
            parts is { Length: 2 }
            && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var validity)
            && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            ? (validity, uid)
            : (0, 0);
    }
}
