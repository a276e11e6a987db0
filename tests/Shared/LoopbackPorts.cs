using System.Net;
using System.Net.Sockets;

namespace SlaWatch.TestSupport;

/// <summary>
/// Ports for servers the tests start. A port picked free can be taken before the server binds it, so a start on
/// picked ports goes through <see cref="StartAsync{T}"/>: the server proves it is the one answering, or the start is
/// made again on new ports.
/// </summary>
internal static class LoopbackPorts
{
    public const int Attempts = 3;

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An <see cref="HttpListener"/> started on a free loopback port under <paramref name="path"/>
    /// (<c>/</c> or <c>/hooks/sla/</c>), and its address. It cannot bind port 0: a port picked free and taken before
    /// it binds is picked again.</summary>
    public static (HttpListener Listener, Uri Address) Listen(string path = "/")
    {
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri(
                $"http://127.0.0.1:{Free().ToString(System.Globalization.CultureInfo.InvariantCulture)}{path}"
            );
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < Attempts)
            {
                listener.Close();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="start"/> (which picks its ports with <see cref="Free"/> and cleans up after itself when
    /// it throws) again while it says its port was taken, <see cref="Attempts"/> times at most.
    /// </summary>
    public static async Task<T> StartAsync<T>(Func<Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start().ConfigureAwait(false);
            }
            catch (PortTakenException) when (attempt < Attempts)
            {
                // New ports on the next attempt.
            }
        }
    }
}

/// <summary>A server could not bind a port it was given, or something else answers there.</summary>
internal sealed class PortTakenException(string message) : Exception(message);
