using Azure;

namespace SlaWatch.Storage;

/// <summary>
/// Whether an Azure Storage call (tables, queues, blobs) failed because the service could not be reached or failed on
/// its side: the SDK's <see cref="RequestFailedException"/> with no status (network) or a 5xx, the network's own
/// exceptions, or the <see cref="AggregateException"/> the SDK throws when every retry failed so. The one place this
/// is decided: the stores turn it into <c>StorageUnavailableException</c>, the webhooks into a 503 with the body kept.
/// </summary>
public static class StorageOutage
{
    public static bool Is(Exception error) =>
        error switch
        {
            RequestFailedException { Status: 0 or >= 500 } => true,
            HttpRequestException or IOException => true,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
            _ => false,
        };
}
