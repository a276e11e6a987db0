namespace SlaWatch.Core.Ports;

/// <summary>Where a channel remembers how far it has read (an IMAP folder's UIDVALIDITY and last UID).</summary>
public interface ICheckpointStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, string value, CancellationToken cancellationToken = default);
}
