namespace SlaWatch.Core.Ports;

/// <summary>
/// What has been announced (SlaNotifications): a claim is insert-if-absent, so of two scanners only one announces.
/// A claim whose notification could not be delivered is released, to be announced again by a later scan.
/// </summary>
public interface INotificationLedger
{
    /// <summary>True when this call made the claim; false when someone already had.</summary>
    Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims several keys of one scope (a ticket's announcements reached in one scan) at once, in one request where
    /// the store allows; returns those this call claimed, each exactly as <see cref="TryClaimAsync"/> would.
    /// </summary>
    Task<IReadOnlySet<string>> TryClaimAllAsync(
        string scope,
        IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default
    );

    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default);
}
