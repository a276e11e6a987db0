using System.Diagnostics;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>Runs <c>slawatch</c> in-process, or as a real process, and captures what it printed.</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string Line => Out.Trim();
    }

    public static string Root => RepoRoot.Path;

    public static string Config(params string[] parts) => RepoRoot.Config(parts);

    public static string Office => Config("calendars", "shanghai-office.json");

    public static string Policy => Config("sla-policy.json");

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SlawatchApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>In-process, on the tables <paramref name="prefix"/> names, with the shipped policy and rules.</summary>
    public static Result OnStore(string storage, string prefix, params string[] args) =>
        Run([
            .. args,
            "--storage",
            storage,
            "--table-prefix",
            prefix,
            "--policy",
            Policy,
            "--rules",
            Config("classification.json"),
        ]);

    public static Result RunProcess(params string[] args) => RunProcessIn(Root, new Dictionary<string, string>(), args);

    /// <summary>The tool as a process started in <paramref name="directory"/>, with <paramref name="environment"/>
    /// added to its own.</summary>
    public static Result RunProcessIn(
        string directory,
        IReadOnlyDictionary<string, string> environment,
        params string[] args
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "slawatch.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("slawatch did not finish in 60 s");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static string TempFile(string name, string content)
    {
        var folder = Directory.CreateTempSubdirectory("slawatch-cli-");
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
