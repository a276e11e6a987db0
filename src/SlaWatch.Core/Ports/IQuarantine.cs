namespace SlaWatch.Core.Ports;

public interface IQuarantine
{
    /// <summary>Keeps the input and returns its quarantine id.</summary>
    Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default);

    /// <summary>The input a quarantine id names (as <see cref="PutAsync"/> returned it); null when there is
    /// none.</summary>
    Task<QuarantinedInput?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes one input (once a retry has recorded it); false when there was none.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QuarantinedInput>> ListAsync(
        string channel,
        DateOnly day,
        CancellationToken cancellationToken = default
    );

    /// <summary>
    /// Removes a channel's inputs kept before <paramref name="before"/> (UTC day of receipt), every channel's when
    /// <paramref name="channel"/> is null; returns how many.
    /// </summary>
    Task<int> PurgeAsync(string? channel, DateOnly before, CancellationToken cancellationToken = default);
}
