using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// Stands in for Service Bus's HTTPS interface on loopback (Service Bus cannot run here): records each message sent
/// with its headers and answers 201 as Service Bus does, or 503 when told to fail.
/// </summary>
internal sealed class ServiceBusCapture : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public sealed record Sent(string Entity, string Body, IReadOnlyDictionary<string, string> Headers);

    public ServiceBusCapture()
    {
        Port = LoopbackPorts.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public bool Failing { get; set; }

    public ConcurrentQueue<Sent> Messages { get; } = new();

    public string ConnectionString => $"Endpoint=sb://127.0.0.1:{Port}/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=c2VjcmV0LWtleQ==;UseDevelopmentEmulator=true";

    public IEnumerable<Sent> To(string entity) => Messages.Where(message => message.Entity == entity);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath.Trim('/');
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(key => key, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
            if (!Failing && path.EndsWith("/messages", StringComparison.Ordinal))
            {
                Messages.Enqueue(new Sent(path[..^"/messages".Length], body, headers));
                context.Response.StatusCode = 201;
            }
            else
            {
                context.Response.StatusCode = 503;
            }

            context.Response.Close();
        }
    }


    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
