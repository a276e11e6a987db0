using Microsoft.Extensions.Logging;
using SlaWatch.Core.Ports;

namespace SlaWatch.Hosting.Telemetry;

/// <summary>Counts and logs every alert kept as undelivered, so an operator sees alerts reaching no one without
/// opening the board.</summary>
internal sealed partial class MeteredUndeliveredAlerts(
    IUndeliveredAlerts inner,
    SlaMetrics metrics,
    ILogger<MeteredUndeliveredAlerts> logger
) : IUndeliveredAlerts
{
    public async Task KeepAsync(UndeliveredAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await inner.KeepAsync(alert, cancellationToken).ConfigureAwait(false);
        metrics.Undelivered(alert.Kind, alert.Role);
        Log.Undelivered(logger, alert.Kind, alert.Level, alert.TicketNumber);
    }

    public Task<IReadOnlyList<UndeliveredAlert>> ReadAsync(
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken = default
    ) => inner.ReadAsync(first, last, cancellationToken);

    private static partial class Log
    {
        // The reason and the person stay in the table: names are people's, and the reason may name routes' ends.
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Alert {Kind} L{Level} on ticket {TicketNumber} reached no one; see slawatch alerts undelivered"
        )]
        public static partial void Undelivered(ILogger logger, string kind, int level, string ticketNumber);
    }
}
