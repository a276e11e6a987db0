using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Email;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>One IMAP poll cycle with acknowledgements. A late run needs no catching up: the folders' checkpoints do
/// it.</summary>
public sealed partial class MailboxPoll(IEnumerable<MailboxPoller> mailboxes, ILogger<MailboxPoll> logger)
{
    [Function(nameof(MailboxPoll))]
    public async Task<PollReport?> RunAsync(
        [TimerTrigger("%" + TriggerNames.MailboxPollSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(timer);
        PollReport? last = null;
        foreach (var poller in mailboxes)
        {
            last = await PollAsync(poller, timer.IsPastDue, cancellationToken).ConfigureAwait(false);
        }

        if (last is null)
        {
            Log.Off(logger);
        }

        return last;
    }

    private async Task<PollReport> PollAsync(MailboxPoller poller, bool late, CancellationToken cancellationToken)
    {
        var report = await poller.PollAsync(cancellationToken).ConfigureAwait(false);
        Log.Polled(
            logger,
            late,
            report.Fetched,
            report.Created,
            report.Threaded,
            report.Duplicates,
            report.Automatic,
            report.Quarantined,
            report.Acknowledged,
            report.AgentResponses,
            report.ResolvedByReply,
            report.Skipped
        );
        return report;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Mailbox poll: off (Mail__ImapHost is not set)")]
        public static partial void Off(ILogger logger);

        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Mailbox poll (late: {Late}): {Fetched} fetched, {Created} created, {Threaded} threaded, "
                + "{Duplicates} duplicates, {Automatic} automatic, {Quarantined} quarantined, {Acknowledged} "
                + "acknowledged, {AgentResponses} agent responses ({ResolvedByReply} resolving); skipped: {Skipped}"
        )]
        public static partial void Polled(
            ILogger logger,
            bool late,
            int fetched,
            int created,
            int threaded,
            int duplicates,
            int automatic,
            int quarantined,
            int acknowledged,
            int agentResponses,
            int resolvedByReply,
            string? skipped
        );
    }
}
