using System.Diagnostics;
using System.Globalization;

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

    private static readonly Lazy<string> Root = new(MakeRoot, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly List<Action> BeforeRemoval = [];

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

    private static string MakeRoot()
    {
        RemoveAbandoned();
        // Readable by its owner only, as a temporary folder of its own is.
        var root = Directory
            .CreateTempSubdirectory(RunPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-")
            .FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (BeforeRemoval)
            {
                BeforeRemoval.ForEach(last => last());
            }

            TryDelete(root);
        };
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
