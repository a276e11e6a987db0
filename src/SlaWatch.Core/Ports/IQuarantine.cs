namespace SlaWatch.Core.Ports;

public interface IQuarantine
{
    /// <summary>Keeps the input and returns its quarantine id.</summary>
    Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QuarantinedInput>> ListAsync(string channel, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Removes a channel's inputs kept before <paramref name="before"/> (UTC day of receipt); returns how many.</summary>
    Task<int> PurgeAsync(string channel, DateOnly before, CancellationToken cancellationToken = default);
}
