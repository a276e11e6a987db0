namespace SlaWatch.Core.Ports;

public interface IQuarantine
{
    /// <summary>Keeps the input and returns its quarantine id.</summary>
    Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QuarantinedInput>> ListAsync(string channel, DateOnly day, CancellationToken cancellationToken = default);
}
