using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace SlaWatch.Web;

/// <summary>
/// A request body read up to a limit, so memory stays bounded whatever is posted; past it only the size and the
/// SHA-256 of the whole are known (what is recorded of a body that is refused unread).
/// </summary>
public sealed record RequestBody(byte[] Bytes, long Size, string Sha256)
{
    public bool TooLarge => Bytes.Length < Size;

    /// <summary>What is recorded of a body that is not kept: never its content.</summary>
    public string Description => Core.Ports.QuarantinedInput.NotKeptText(Size, Sha256);

    public static async Task<RequestBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
            if (size <= limit)
            {
                kept.Write(buffer, 0, read);
            }
        }

        return new RequestBody(
            size <= limit ? kept.ToArray() : [],
            size,
            Convert.ToHexStringLower(hash.GetHashAndReset())
        );
    }
}
