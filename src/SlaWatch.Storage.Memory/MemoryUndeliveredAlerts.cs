using System.Collections.Concurrent;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

public sealed class MemoryUndeliveredAlerts : IUndeliveredAlerts
{
    private readonly ConcurrentDictionary<string, UndeliveredAlert> _alerts = new(StringComparer.Ordinal);

    public Task KeepAsync(UndeliveredAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _alerts[alert.Id] = alert;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UndeliveredAlert>> ReadAsync(
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult<IReadOnlyList<UndeliveredAlert>>([
            .. _alerts
                .Values.Where(alert =>
                    DateOnly.FromDateTime(alert.At.UtcDateTime) is var day && day >= first && day <= last
                )
                .OrderBy(alert => alert.At)
                .ThenBy(alert => alert.Id, StringComparer.Ordinal),
        ]);
}
