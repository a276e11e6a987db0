using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The published handler started as the Functions host starts it: its executable, the port in FUNCTIONS_CUSTOMHANDLER_PORT, settings in the environment.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PublishedHandlerTests(AzuriteFixture azurite)
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private static async Task<string> PublishAsync()
    {
        var output = Directory.CreateTempSubdirectory("slawatch-publish-").FullName;
        var (code, log) = await RunAsync("dotnet", ["publish", Path.Combine(RepoRoot.Path, "src", "SlaWatch.Functions", "SlaWatch.Functions.csproj"), "-c", "Release", "--no-build", "-o", output, "-nologo", "-v", "q"], new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        Assert.True(code == 0, log);
        return output;
    }

    internal static Task<string> PublishedFolder() => Published.Value;

    [Fact]
    public async Task TheHostsWayOfStartingAndInvokingTheHandlerWorks()
    {
        var folder = await Published.Value;
        var port = LoopbackPorts.Free();
        using var bus = new ServiceBusCapture();
        var start = new ProcessStartInfo(Path.Combine(folder, "SlaWatch.Functions")) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SlaWatch__Storage"] = azurite.ConnectionString;
        start.Environment["SlaWatch__TablePrefix"] = "p" + Guid.NewGuid().ToString("N")[..10];
        start.Environment["ServiceBusConnection"] = bus.ConnectionString;
        start.Environment["Chat__Secret"] = "secret";
        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            // The host's readiness probe: any answer on / within its initialization timeout.
            var ready = false;
            for (var attempt = 0; attempt < 150 && !ready && !process.HasExited; attempt++)
            {
                try
                {
                    ready = (await http.GetAsync("/")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(ready, process.HasExited ? await process.StandardError.ReadToEndAsync() : "the handler did not answer on /");
            var payload = new JsonObject
            {
                ["Data"] = FunctionHost.HttpRequest("GET", "/api/tickets/20261116-001", parameters: new Dictionary<string, string> { ["idOrNumber"] = "20261116-001" }),
                ["Metadata"] = new JsonObject { ["idOrNumber"] = "\"20261116-001\"", ["sys"] = new JsonObject { ["MethodName"] = "TicketGet" } },
            };
            using var response = await http.PostAsync("/TicketGet", new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(404, FunctionHost.Response(answer).Status);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task WithoutItsSettingsTheHandlerStopsAtOnceNamingThem()
    {
        var folder = await Published.Value;
        var environment = new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var (code, log) = await RunAsync(Path.Combine(folder, "SlaWatch.Functions"), [], environment, TimeSpan.FromSeconds(60), folder);

        Assert.NotEqual(0, code);
        Assert.Contains("SlaWatch cannot start: SlaWatch__Storage is missing", log, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Log)> RunAsync(string file, string[] args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string? directory = null)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory ?? RepoRoot.Path };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }
}
