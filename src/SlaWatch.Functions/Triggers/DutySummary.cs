using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Alerts;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The 晨会 / 夕会 summaries: every five minutes, each team's summary whose time (the policy's <c>summaries</c>) has
/// come today and not gone yet is sent; nothing when the policy sets no times.
/// </summary>
public sealed partial class DutySummary(DutySummaries summaries, ILogger<DutySummary> logger)
{
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(DutySummary))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        foreach (var sent in await summaries.SendDueAsync(cancellationToken).ConfigureAwait(false))
        {
            var delivered = sent.Attempts.Count(attempt => attempt.Delivered);
            Log.Sent(logger, sent.Kind, sent.Team, delivered, sent.Attempts.Count - delivered);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Summary {Kind} for team {Team}: {Delivered} deliveries, {Failed} failed tries"
        )]
        public static partial void Sent(ILogger logger, string kind, string team, int delivered, int failed);
    }
}
