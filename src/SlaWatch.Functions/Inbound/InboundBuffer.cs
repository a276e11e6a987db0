using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SlaWatch.Core.Text;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// The inbound buffer: the Storage queue the HTTP functions hand their input to, and the claim check beside it: a body
/// too large for a queue message is kept in a blob (<c>inbound-bodies</c>) and the message carries its name.
/// </summary>
public sealed class InboundBuffer(QueueServiceClient queues, BlobServiceClient blobs)
{
    /// <summary>A queue message holds 64 KiB; the Functions trigger reads it base64-encoded, which makes 48 KiB of text
    /// 64.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    private readonly CreatedOnce<QueueClient> _queue = new(async () =>
    {
        var queue = queues.GetQueueClient(TriggerNames.InboundQueue);
        await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        return queue;
    });

    private readonly CreatedOnce<BlobContainerClient> _bodies = new(async () =>
    {
        var container = blobs.GetBlobContainerClient(TriggerNames.InboundBodies);
        await container.CreateIfNotExistsAsync().ConfigureAwait(false);
        return container;
    });

    public Task<QueueClient> QueueAsync() => _queue.GetAsync();

    /// <summary>Queues a chat body, inline or by reference when it would not fit a message.</summary>
    public async Task EnqueueBodyAsync(
        InboundEnvelope envelope,
        byte[] body,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var inline = envelope with { Body = Convert.ToBase64String(body) };
        if (Encoding.UTF8.GetByteCount(inline.ToJson()) <= MaxMessageBytes)
        {
            await EnqueueAsync(inline, cancellationToken).ConfigureAwait(false);
            return;
        }

        // One blob per message, so each message removes its own once handled (a platform's retry is a second message).
        var name = $"{ShortDigest.OfBytes(string.Empty, ShortDigest.Whole, body)}-{Guid.NewGuid():N}.json";
        var container = await _bodies.GetAsync().ConfigureAwait(false);
        await container
            .GetBlobClient(name)
            .UploadAsync(BinaryData.FromBytes(body), overwrite: false, cancellationToken)
            .ConfigureAwait(false);
        await EnqueueAsync(envelope with { BodyBlob = name }, cancellationToken).ConfigureAwait(false);
    }

    public async Task EnqueueAsync(InboundEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var queue = await QueueAsync().ConfigureAwait(false);
        await queue.SendMessageAsync(envelope.ToJson(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The chat body an envelope carries or names; null when its blob is gone.</summary>
    public async Task<byte[]?> BodyAsync(InboundEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.BodyBlob is not { } name)
        {
            return Convert.FromBase64String(envelope.Body!);
        }

        var container = await _bodies.GetAsync().ConfigureAwait(false);
        var blob = container.GetBlobClient(name);
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (Azure.RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Removes a claim-check blob once its body was ingested or kept in quarantine.</summary>
    public async Task ForgetBodyAsync(InboundEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.BodyBlob is { } name)
        {
            var container = await _bodies.GetAsync().ConfigureAwait(false);
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
