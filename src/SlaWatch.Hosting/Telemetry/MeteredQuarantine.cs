using SlaWatch.Core.Ports;

namespace SlaWatch.Hosting.Telemetry;

/// <summary>Counts every input kept in quarantine, by the quarantine's channel.</summary>
internal sealed class MeteredQuarantine(IQuarantine inner, SlaMetrics metrics) : IQuarantine
{
    public async Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = await inner.PutAsync(input, cancellationToken).ConfigureAwait(false);
        metrics.Quarantined(input.Channel);
        return id;
    }

    public Task<QuarantinedInput?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(id, cancellationToken);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        inner.RemoveAsync(id, cancellationToken);

    public Task<IReadOnlyList<QuarantinedInput>> ListAsync(
        string channel,
        DateOnly day,
        CancellationToken cancellationToken = default
    ) => inner.ListAsync(channel, day, cancellationToken);

    public Task<int> PurgeAsync(string? channel, DateOnly before, CancellationToken cancellationToken = default) =>
        inner.PurgeAsync(channel, before, cancellationToken);
}
