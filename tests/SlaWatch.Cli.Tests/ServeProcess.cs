using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>
/// <c>slawatch serve</c> as a real process on a free loopback port, over the test's own tables: started, waited for
/// until its start page answers, and stopped (killed) when disposed. What it printed is kept for the assertions.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _stopped;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<ServeProcess> StartAsync(string storage, string prefix, string now, params string[] more) =>
        StartAsync(new Dictionary<string, string>(), storage, prefix, now, more);

    /// <summary>With <paramref name="environment"/> added to the process's own (settings such as WeChat
    /// accounts).</summary>
    public static Task<ServeProcess> StartAsync(
        IReadOnlyDictionary<string, string> environment,
        string storage,
        string prefix,
        string now,
        params string[] more
    ) =>
        LoopbackPorts.StartAsync(async () =>
        {
            var port = LoopbackPorts.Free();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Cli.Root,
            };
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            string[] args =
            [
                Path.Combine(AppContext.BaseDirectory, "slawatch.dll"),
                "serve",
                "--urls",
                $"http://127.0.0.1:{port}",
                "--now",
                now,
                "--storage",
                storage,
                "--table-prefix",
                prefix,
                "--policy",
                Cli.Policy,
                "--rules",
                Cli.Config("classification.json"),
                "--dev-users",
                Cli.Config("dev-users.json"),
                .. more,
            ];
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var serve = new ServeProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var until = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < until)
            {
                if (serve._process.HasExited)
                {
                    await serve.DisposeAsync();
                    if (serve.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new PortTakenException($"port {port}");
                    }

                    throw new InvalidOperationException($"slawatch serve stopped: {serve.Output}");
                }

                try
                {
                    if ((await http.GetAsync(serve.Address)).StatusCode == HttpStatusCode.OK)
                    {
                        return serve;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Not answering yet.
                }

                await Task.Delay(200);
            }

            await serve.DisposeAsync();
            throw new TimeoutException($"slawatch serve did not answer in 90 s: {serve.Output}");
        });

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Asks the process to stop as a service manager or a script's trap does (SIGTERM) and waits for it:
    /// its exit code, or null when it had not stopped after 15 s.</summary>
    public async Task<int?> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
