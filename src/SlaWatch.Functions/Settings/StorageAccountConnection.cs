using SlaWatch.Hosting.Settings;

namespace SlaWatch.Functions.Settings;

/// <summary>
/// The storage account of the inbound queue, read from the setting the queue trigger reads
/// (<c>AzureWebJobsStorage</c>): a connection string, or the identity-based form (<c>__accountName</c>, or
/// <c>__queueServiceUri</c> and <c>__blobServiceUri</c>).
/// </summary>
public sealed record StorageAccountConnection(string? ConnectionString, Uri? QueueServiceUri, Uri? BlobServiceUri)
{
    public static StorageAccountConnection Read(SettingsReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Optional(name) is { } connection)
        {
            return new StorageAccountConnection(connection, null, null);
        }

        var queue = reader.AbsoluteUrl(name + "__queueServiceUri");
        var blob = reader.AbsoluteUrl(name + "__blobServiceUri");
        if (reader.Optional(name + "__accountName") is { } account)
        {
            queue ??= new Uri($"https://{account}.queue.core.windows.net");
            blob ??= new Uri($"https://{account}.blob.core.windows.net");
        }

        if (queue is null || blob is null)
        {
            reader.Problems.Add(
                $"{name} (a connection string) or {name}__accountName (for the managed identity) is missing: the "
                    + $"inbound queue lives there"
            );
        }

        return new StorageAccountConnection(null, queue, blob);
    }
}
