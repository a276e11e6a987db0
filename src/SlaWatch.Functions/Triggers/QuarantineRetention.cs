using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// Each night, removes every channel's quarantined input kept more than <c>Quarantine__RetentionDays</c> (90 by
/// default) UTC days ago: long enough to review and retry it, not so long that refused input (and the contacts in it)
/// is kept for ever. It runs after the nightly backup, whose own retention then ages the last copy out.
/// </summary>
public sealed partial class QuarantineRetention(
    IQuarantine quarantine,
    TimeProvider time,
    IOptions<FunctionSettings> settings,
    ILogger<QuarantineRetention> logger
)
{
    [Function(nameof(QuarantineRetention))]
    public async Task<int> RunAsync(
        [TimerTrigger("%" + TriggerNames.QuarantineRetentionSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(timer);
        var days = settings.Value.QuarantineRetentionDays;
        var cut = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-days);
        var removed = await quarantine.PurgeAsync(null, cut, cancellationToken).ConfigureAwait(false);
        Log.Purged(logger, removed, cut, days);
        return removed;
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Quarantine retention: removed {Removed} inputs kept before {Cut} ({Days} days)"
        )]
        public static partial void Purged(ILogger logger, int removed, DateOnly cut, int days);
    }
}
