using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// A command's host: what the command resolves its one use case from, at its root. Disposing it stops the host and
/// disposes its services (the serial allocator gives its unused block back).
/// </summary>
internal sealed class CommandHost(IHost host) : IAsyncDisposable
{
    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
