using System.Diagnostics;

namespace SlaWatch.TestSupport;

/// <summary>
/// An Azurite server (tables, queues, blobs) this test process starts and stops itself (from the repository's
/// node_modules), for tests that must stop the server mid-run or need one when no build script started it.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    private AzuriteProcess(int port, string? location)
    {
        Port = port;
        Location = location;
    }

    /// <summary>The table service's port.</summary>
    public int Port { get; }

    public int QueuePort { get; } = LoopbackPorts.Free();

    /// <summary>The processor time the server has used so far (a benchmark's measure of the emulator's own
    /// work).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            var process = _process ?? throw new InvalidOperationException("Azurite is not running.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public int BlobPort { get; } = LoopbackPorts.Free();

    /// <summary>Where data is kept across restarts; null for in-memory.</summary>
    public string? Location { get; }

    public string ConnectionString =>
        ConnectionFor(Port)
        + $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:"
        + $"{BlobPort}/devstoreaccount1;";

    /// <summary>The development account's tables on <paramref name="port"/>.</summary>
    public static string ConnectionFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http:"
        + $"//127.0.0.1:{port}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(bool persistent)
    {
        var location = persistent ? TestFolders.Create("slawatch-azurite-").FullName : null;
        return await LoopbackPorts
            .StartAsync(async () =>
            {
                var azurite = new AzuriteProcess(LoopbackPorts.Free(), location);
                try
                {
                    await azurite.StartAgainAsync().ConfigureAwait(false);
                    return azurite;
                }
                catch (PortTakenException)
                {
                    await azurite.StopAsync().ConfigureAwait(false);
                    throw;
                }
            })
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the server on its ports (again, after <see cref="StopAsync"/>: a restart keeps its endpoint, as a real
    /// one does). Done when Azurite itself answers on its three ports; <see cref="PortTakenException"/> when it exited
    /// (a port was taken) or something else answers there.
    /// </summary>
    public async Task StartAgainAsync()
    {
        var executable = Path.Combine(RepoRoot.Path, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}: run ./build.sh test (it runs npm ci)."
            );
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        // The server runs in a neutral locale whatever the test's: under tr_TR Node lower-cases a table name's 'I' to
        // a dotless 'ı' on some of Azurite's paths and not others, so a table with an I cannot be deleted.
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANG"] = "C.UTF-8";
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        foreach (
            var arg in new[]
            {
                "--tableHost",
                "127.0.0.1",
                "--tablePort",
                Port.ToString(culture),
                "--queueHost",
                "127.0.0.1",
                "--queuePort",
                QueuePort.ToString(culture),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                BlobPort.ToString(culture),
                "--skipApiVersionCheck",
                "--loose",
                "--disableProductStyleUrl",
                "--silent",
                "--disableTelemetry",
            }
        )
        {
            start.ArgumentList.Add(arg);
        }

        if (Location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(Location);
        }

        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        TestFolders.Started(_process, "azurite");
        _process.OutputDataReceived += (_, line) => Keep(said, line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(said, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new PortTakenException(
                    $"Azurite exited ({_process.ExitCode}) on 127.0.0.1:{Port}/{QueuePort}/{BlobPort}: "
                        + string.Join(" | ", said)
                );
            }

            try
            {
                foreach (var port in new[] { Port, QueuePort, BlobPort })
                {
                    using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1"))
                        .ConfigureAwait(false);
                    if (!answer.Headers.Server.ToString().Contains("Azurite", StringComparison.Ordinal))
                    {
                        throw new PortTakenException(
                            $"not Azurite on 127.0.0.1:{port}: it says it is '{answer.Headers.Server}'"
                        );
                    }
                }

                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Azurite did not answer on 127.0.0.1:{Port} within 30 s.");
    }

    // The last lines the server printed, for the message when it does not start.
    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> said, string? line)
    {
        if (line is null)
        {
            return;
        }

        said.Enqueue(line);
        while (said.Count > 10)
        {
            said.TryDequeue(out _);
        }
    }

    /// <summary>Stops the server as an operator would (Ctrl-C: Azurite saves its data on SIGINT, not on SIGTERM);
    /// SIGKILL only if it hangs.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using (
                var terminate = Process.Start(
                    "kill",
                    ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                )
            )
            {
                await terminate.WaitForExitAsync().ConfigureAwait(false);
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        if (_process is not null)
        {
            TestFolders.Stopped(_process.Id);
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Location is not null)
        {
            Directory.Delete(Location, recursive: true);
        }
    }
}
