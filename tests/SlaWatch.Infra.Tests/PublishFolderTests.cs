using System.Diagnostics;
using System.Security.Cryptography;
using SlaWatch.TestSupport;

namespace SlaWatch.Infra.Tests;

/// <summary>
/// What Azure runs is the Functions app's publish folder, as <c>azd deploy</c> makes it: it must carry ECharts (or
/// every chart in Azure is missing), <c>host.json</c> and the shipped configuration, and not the local settings.
/// </summary>
public sealed class PublishFolderTests
{
    private static async Task<(int Code, string Output)> PublishAsync(string folder, params string[] more)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        string[] args =
        [
            "publish",
            Path.Combine("src", "SlaWatch.Functions", "SlaWatch.Functions.csproj"),
            "--configuration",
            "Release",
            "--no-build",
            "--output",
            folder,
            "-nologo",
            .. more,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task ThePublishFolderCarriesEchartsHostJsonAndTheConfiguration()
    {
        var folder = TestFolders.Create("slawatch-publish-").FullName;
        try
        {
            var (code, output) = await PublishAsync(folder);
            Assert.True(code == 0, output);

            var echarts = Path.Combine(folder, "echarts.min.js");
            Assert.True(File.Exists(echarts), "echarts.min.js is not in the publish folder");
            Assert.Equal(
                SHA256.HashData(
                    await File.ReadAllBytesAsync(
                        Path.Combine(RepoRoot.Path, "node_modules", "echarts", "dist", "echarts.min.js")
                    )
                ),
                SHA256.HashData(await File.ReadAllBytesAsync(echarts))
            );
            Assert.True(File.Exists(Path.Combine(folder, "host.json")));
            Assert.True(File.Exists(Path.Combine(folder, "config", "sla-policy.json")));
            Assert.True(File.Exists(Path.Combine(folder, "SlaWatch.Functions.dll")));
            Assert.False(File.Exists(Path.Combine(folder, "local.settings.sample.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task APublishWithoutEchartsFailsSayingWhy()
    {
        var folder = TestFolders.Create("slawatch-publish-").FullName;
        try
        {
            var missing = Path.Combine(folder, "no-echarts", "echarts.min.js");

            var (code, output) = await PublishAsync(folder, $"-p:EchartsScript={missing}");

            Assert.NotEqual(0, code);
            Assert.Contains($"ECharts is missing at {missing}: run npm ci", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
