using SlaWatch.Channels.Email;
using SlaWatch.Functions.Hosting;

namespace SlaWatch.Functions.Functions;

/// <summary>One IMAP poll cycle with acknowledgements. A late run needs no catching up: the folders' checkpoints do it.</summary>
internal static class MailboxPoll
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        if (app.Settings.Mail is not { } mail)
        {
            return InvocationResult.Done("mailbox poll: off (Mail__ImapHost is not set)");
        }

        var tickets = app.Tickets;
        var poller = new MailboxPoller(mail, tickets.Ingestion, tickets.Events, tickets.Quarantine, tickets.Checkpoints, app.Policy, app.Time);
        var report = await poller.PollAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < report.Created + report.Threaded; i++)
        {
            app.Metrics.Ingested("email", "ingested");
        }

        for (var i = 0; i < report.Quarantined; i++)
        {
            app.Metrics.Quarantined("email");
        }

        return InvocationResult.Done(
            $"mailbox poll{(invocation.IsPastDue() ? " (late)" : string.Empty)}: {report.Fetched} fetched, {report.Created} created, {report.Threaded} threaded, {report.Duplicates} duplicates, {report.Automatic} automatic, {report.Quarantined} quarantined, {report.Acknowledged} acknowledged, {report.AgentResponses} agent responses{(report.Skipped is null ? string.Empty : "; " + report.Skipped)}");
    }
}
