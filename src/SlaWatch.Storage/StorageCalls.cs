using System.Globalization;
using Azure;

namespace SlaWatch.Storage;

/// <summary>
/// Turns "the service could not be reached" into <see cref="Core.Ports.StorageUnavailableException"/> and "it refused
/// our credentials" into <see cref="Core.Ports.StorageAccessDeniedException"/>, each one line a person can act on;
/// expected outcomes (404, 409, 412) stay with the callers, handled by status code.
/// </summary>
internal static class StorageCalls
{
    public static async Task<T> Run<T>(TableStorage storage, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (error.Status is 401 or 403)
        {
            throw new Core.Ports.StorageAccessDeniedException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Table Storage at {storage.Endpoint} refused access: {error.Status} "
                        + $"{error.ErrorCode ?? "Forbidden"};"
                )
                    + $" check the account key in the connection string, or the identity's Storage Table Data "
                    + $"Contributor role",
                error
            );
        }
        catch (Azure.Identity.AuthenticationFailedException error)
        {
            throw new Core.Ports.StorageAccessDeniedException(
                $"Table Storage at {storage.Endpoint}: no token for the identity: {FirstLine(error.Message)}",
                error
            );
        }
        catch (Exception error)
            when (StorageOutage.Is(error)
                || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            )
        {
            throw Unavailable(storage, error);
        }
    }

    public static Task Run(TableStorage storage, Func<Task> call, CancellationToken cancellationToken) =>
        Run(
            storage,
            async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            },
            cancellationToken
        );

    private static Core.Ports.StorageUnavailableException Unavailable(TableStorage storage, Exception error) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Table Storage at {storage.Endpoint} did not answer after {storage.Options.MaxRetries + 1} attempts: "
            ) + $"{FirstLine(error.GetBaseException().Message)}",
            error
        );

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
