using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using SlaWatch.TestSupport;

namespace SlaWatch.Infra.Tests;

/// <summary>The Bicep CLI restored from NuGet, and <c>infra/main.bicep</c> compiled by it once per test run.</summary>
internal static class Bicep
{
    private static readonly Lazy<JsonObject> Compiled = new(() =>
        (JsonObject)JsonNode.Parse(Run("build", MainFile, "--stdout").Output)!
    );

    public static string MainFile => Path.Combine(RepoRoot.Path, "infra", "main.bicep");

    public static JsonObject Template => Compiled.Value;

    public static string Executable
    {
        get
        {
            var path = typeof(Bicep)
                .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "Bicep")
                .Value!;
            Assert.True(File.Exists(path), $"the Bicep CLI is not at {path}: restore the test project");
            // NuGet does not keep the executable bit (the package is the linux-x64 build).
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }
            return path;
        }
    }

    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var process = Process.Start(
            new ProcessStartInfo(Executable, args) { RedirectStandardOutput = true, RedirectStandardError = true }
        )!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException("bicep did not finish in 2 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Every resource of the template, those inside modules (nested deployments) included.</summary>
    public static IReadOnlyList<JsonObject> Resources(JsonObject template)
    {
        var found = new List<JsonObject>();
        var resources = template["resources"];
        IEnumerable<JsonNode?> items = resources switch
        {
            JsonArray array => array,
            JsonObject named => named.Select(pair => pair.Value),
            _ => [],
        };
        foreach (var resource in items.OfType<JsonObject>())
        {
            found.Add(resource);
            if (
                (string?)resource["type"] == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested
            )
            {
                found.AddRange(Resources(nested));
            }
        }

        return found;
    }

    public static IReadOnlyList<JsonObject> OfType(string type) =>
        Resources(Template)
            .Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToArray();
}
