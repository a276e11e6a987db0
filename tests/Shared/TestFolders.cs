using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SlaWatch.TestSupport;

/// <summary>
/// The temporary folders a test process (or the bulk benchmark) makes, all under one folder of its own that goes when
/// the process exits; a folder left by a process that was killed (the test runner kills one slow to exit, as one
/// stopping mail servers is) goes when the next such process starts. A run of the suite wrote about 200 MB (generated
/// inputs, reports, published apps, browser profiles) into the temporary directory and kept it.
/// </summary>
internal static class TestFolders
{
    private const string RunPrefix = "slawatch-tests-";

    // A file a server this process started and has not stopped, named by its process id, holding a word of its command
    // line (a process id the system gave again to something else is not that server).
    private const string ServersFolder = "servers";

    private static readonly Lazy<string> Root = new(MakeRoot, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly List<Action> BeforeRemoval = [];

    // Kept for the process's life: a registration let go is undone.
    private static PosixSignalRegistration[] _signals = [];
    private static int _exited;

    /// <summary>A new empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static DirectoryInfo Create(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, prefix + Guid.NewGuid().ToString("N")[..8]));

    /// <summary>
    /// Runs <paramref name="last"/> when the process exits, before its folders go: a server a test process leaves
    /// running for its whole life (the mail servers outside <c>./build.sh</c>) is stopped through files kept there.
    /// </summary>
    public static void AtExit(Action last)
    {
        _ = Root.Value;
        lock (BeforeRemoval)
        {
            BeforeRemoval.Add(last);
        }
    }

    /// <summary>
    /// Notes a server this process started, until <see cref="Stopped"/>: it is stopped when this process exits, and, if
    /// this process is killed first (a benchmark stopped by hand, a test process the runner kills), when the next test
    /// process or benchmark starts; a server left running kept its ports and memory.
    /// </summary>
    /// <param name="commandWord">A word of the server's command line, checked before it is stopped.</param>
    public static void Started(Process server, string commandWord) => Started(Root.Value, server, commandWord);

    /// <summary>Notes a server as <see cref="Started(Process, string)"/> does, in <paramref name="folder"/>.</summary>
    internal static void Started(string folder, Process server, string commandWord)
    {
        ArgumentNullException.ThrowIfNull(server);
        Directory.CreateDirectory(Path.Combine(folder, ServersFolder));
        File.WriteAllText(ServerFile(folder, server.Id), commandWord);
    }

    /// <summary>The server <see cref="Started"/> noted is stopped: nothing is left to stop.</summary>
    public static void Stopped(int processId) => File.Delete(ServerFile(Root.Value, processId));

    private static string ServerFile(string folder, int processId) =>
        Path.Combine(folder, ServersFolder, processId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Kills each server noted in <paramref name="folder"/> that still runs the command it was noted
    /// with.</summary>
    internal static void StopServersLeftIn(string folder)
    {
        var servers = Path.Combine(folder, ServersFolder);
        if (!Directory.Exists(servers))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(servers))
        {
            if (
                int.TryParse(Path.GetFileName(file), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && CommandLine(id).Contains(File.ReadAllText(file), StringComparison.Ordinal)
            )
            {
                try
                {
                    using var server = Process.GetProcessById(id);
                    server.Kill(entireProcessTree: true);
                    server.WaitForExit(TimeSpan.FromSeconds(10));
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException)
                {
                    // Gone meanwhile.
                }
            }

            File.Delete(file);
        }
    }

    // Empty for a process that is gone (its /proc entry with it), so no word is found in it.
    private static string CommandLine(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/cmdline")
                .Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string MakeRoot()
    {
        RemoveAbandoned();
        // Readable by its owner only, as a temporary folder of its own is.
        var root = Directory
            .CreateTempSubdirectory(RunPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-")
            .FullName;
        void Exit()
        {
            if (Interlocked.Exchange(ref _exited, 1) == 1)
            {
                return;
            }

            lock (BeforeRemoval)
            {
                BeforeRemoval.ForEach(last => last());
            }

            StopServersLeftIn(root);
            TryDelete(root);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Exit();
        // A process ended by a signal (`timeout`'s SIGTERM, Ctrl-C) does not raise ProcessExit: its servers would be
        // left running. The signal still ends it after.
        _signals =
        [
            .. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }.Select(signal =>
                PosixSignalRegistration.Create(signal, _ => Exit())
            ),
        ];
        return root;
    }

    // Test processes of several projects run at once: only a folder whose process is gone is removed.
    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), RunPrefix + "*"))
        {
            var name = Path.GetFileName(folder).AsSpan(RunPrefix.Length);
            var dash = name.IndexOf('-');
            if (
                dash > 0
                && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var process)
                && !IsRunning(process)
            )
            {
                StopServersLeftIn(folder);
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int process)
    {
        try
        {
            using var running = Process.GetProcessById(process);
            return !running.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A browser or server still closing its files: the next test process removes what is left.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
