using Azure;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// A storage service that could not be reached or failed on its side: the SDK's <see cref="RequestFailedException"/>
/// with no status (network) or a 5xx, or the <see cref="AggregateException"/> it throws when every retry failed so.
/// </summary>
public static class Outage
{
    public static bool Is(Exception error) =>
        error switch
        {
            RequestFailedException { Status: 0 or >= 500 } => true,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
            _ => false,
        };
}
