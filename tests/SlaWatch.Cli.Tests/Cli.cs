using System.CommandLine;
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

    /// <summary>The instant the CLI tests run at unless one says otherwise: after every day in their input.</summary>
    public const string Now = "2026-12-01T09:00:00+08:00";

    public static Result Run(params string[] args)
    {
        OnFixedClock(args);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SlawatchApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>In-process, on the tables <paramref name="prefix"/> names, with the shipped policy and rules, at
    /// <see cref="Now"/> unless the test gives its own <c>--now</c>.</summary>
    public static Result OnStore(string storage, string prefix, params string[] args) =>
        Run([
            .. args,
            .. TakesClock(args) && !GivesClock(args) ? ["--now", Now] : Array.Empty<string>(),
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
        OnFixedClock(args);
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

    /// <summary>
    /// No test depends on the machine's date: a command that runs on a clock is given <c>--now</c>, and
    /// <c>generate</c> its <c>--start</c>. Asked of the command line itself, so a command that gains a clock is
    /// covered the day it does.
    /// </summary>
    private static void OnFixedClock(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h") || !TakesClock(args) || GivesClock(args))
        {
            return;
        }

        throw new InvalidOperationException($"'{string.Join(' ', args)}' runs on the machine's clock: give it a date");
    }

    private static Option? ClockOf(string[] args)
    {
        var command = SlawatchApp.Commands(new CliOutput(TextWriter.Null, TextWriter.Null)).Parse(args);
        var name = command.CommandResult.Command.Name == "generate" ? "--start" : "--now";
        return command.CommandResult.Command.Options.FirstOrDefault(option => option.Name == name);
    }

    private static bool TakesClock(string[] args) => ClockOf(args) is not null;

    private static bool GivesClock(string[] args) =>
        ClockOf(args) is { } clock && args.Any(arg => arg == clock.Name || clock.Aliases.Contains(arg));

    public static string TempFile(string name, string content)
    {
        var folder = TestFolders.Create("slawatch-cli-");
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
