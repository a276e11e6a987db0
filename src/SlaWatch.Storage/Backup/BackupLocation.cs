using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SlaWatch.Storage.Backup;

/// <summary>Where a backup's files are: a directory, or a folder in a blob container.</summary>
public abstract class BackupLocation
{
    /// <summary>How the location is named in messages.</summary>
    public abstract string Name { get; }

    public abstract Task<Stream> CreateAsync(string file, CancellationToken cancellationToken);

    /// <summary>The file to read, or null when it is not there.</summary>
    public abstract Task<Stream?> OpenAsync(string file, CancellationToken cancellationToken);

    public abstract Task<bool> ExistsAsync(string file, CancellationToken cancellationToken);

    /// <summary>
    /// A directory path, or a blob container URL with an optional folder
    /// (<c>https://acct.blob.core.windows.net/backups/2026-11-30</c>); a URL signs in with its SAS if it carries one,
    /// with the account key of <paramref name="connectionString"/> when that names the same account (Azurite), else
    /// with <paramref name="credential"/> (by default <c>DefaultAzureCredential</c>).
    /// </summary>
    public static BackupLocation Parse(
        string target,
        string? connectionString = null,
        TokenCredential? credential = null
    )
    {
        ArgumentNullException.ThrowIfNull(target);
        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? BlobFolder.FromUrl(uri, connectionString, credential)
            : new DirectoryFolder(Path.GetFullPath(target));
    }
}

/// <summary>A backup in a directory of the file system.</summary>
public sealed class DirectoryFolder(string path) : BackupLocation
{
    public override string Name => path;

    public override Task<Stream> CreateAsync(string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        return Task.FromResult<Stream>(
            new FileStream(
                Path.Combine(path, file),
                FileMode.CreateNew,
                FileAccess.Write,
                FileShare.None,
                1 << 16,
                useAsync: true
            )
        );
    }

    public override Task<Stream?> OpenAsync(string file, CancellationToken cancellationToken)
    {
        var full = Path.Combine(path, file);
        return Task.FromResult<Stream?>(
            File.Exists(full)
                ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true)
                : null
        );
    }

    public override Task<bool> ExistsAsync(string file, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Path.Combine(path, file)));
}

/// <summary>A backup in a folder of a blob container (block blobs, written as streams).</summary>
public sealed class BlobFolder(BlobContainerClient container, string folder) : BackupLocation
{
    public override string Name => $"{container.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{folder}".TrimEnd('/');

    public static BlobFolder FromUrl(Uri url, string? connectionString, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Azurite addresses an account by path (http://127.0.0.1:10000/devstoreaccount1/container/...); Azure by host.
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathStyle = url.IsLoopback || !url.Host.Contains(".blob.", StringComparison.OrdinalIgnoreCase);
        var skip = pathStyle ? 1 : 0;
        if (segments.Length <= skip)
        {
            throw new ArgumentException(
                $"{url.GetLeftPart(UriPartial.Path)}: name a blob container (and, if you like, a folder in it)",
                nameof(url)
            );
        }

        var account = pathStyle ? segments[0] : url.Host.Split('.')[0];
        var containerUri = new UriBuilder(url)
        {
            Path = string.Join('/', segments.Take(skip + 1)),
            Query = url.Query.TrimStart('?'),
        }.Uri;
        var folder = string.Join('/', segments.Skip(skip + 1));
        var options = new BlobClientOptions();
        var container =
            url.Query.Contains("sig=", StringComparison.Ordinal) ? new BlobContainerClient(containerUri, options)
            : AccountKey(connectionString, account) is { } key
                ? new BlobContainerClient(
                    new UriBuilder(containerUri) { Query = string.Empty }.Uri,
                    new StorageSharedKeyCredential(account, key),
                    options
                )
            : new BlobContainerClient(containerUri, credential ?? new DefaultAzureCredential(), options);
        return new BlobFolder(container, folder);
    }

    public override async Task<Stream> CreateAsync(string file, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // Never over an existing blob (If-None-Match: *): a backup is written once.
        return await container
            .GetBlobClient(Path(file))
            .OpenWriteAsync(
                overwrite: true,
                new BlobOpenWriteOptions { OpenConditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public override async Task<Stream?> OpenAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await container
                .GetBlobClient(Path(file))
                .OpenReadAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }

    public override async Task<bool> ExistsAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await container.GetBlobClient(Path(file)).ExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return false;
        }
    }

    private const string AzuriteAccount = "devstoreaccount1";

    private const string AzuriteKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private string Path(string file) => folder.Length == 0 ? file : $"{folder}/{file}";

    private static string? AccountKey(string? connectionString, string account)
    {
        if (connectionString is null)
        {
            return null;
        }

        // Azurite's one account and its documented key.
        if (
            connectionString.Trim().TrimEnd(';').Equals(StorageOptions.LocalAzurite, StringComparison.OrdinalIgnoreCase)
        )
        {
            connectionString = $"AccountName={AzuriteAccount};AccountKey={AzuriteKey}";
        }

        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return
            parts.TryGetValue("AccountName", out var name)
            && string.Equals(name, account, StringComparison.Ordinal)
            && parts.TryGetValue("AccountKey", out var key)
            ? key
            : null;
    }
}
