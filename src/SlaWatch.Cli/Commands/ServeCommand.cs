using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Rendering;
using SlaWatch.Replay;
using SlaWatch.Replay.Generation;
using SlaWatch.Web;
using SlaWatch.Web.SignIn;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch serve</c>: what a person opens in a browser, on this machine: the start page, the board, the
/// workbench and the reports, answered by the same classes as in Azure, over the store the options name (local
/// Azurite by default). People sign in as one of the development users; that sign-in is refused unless the host
/// listens on loopback only. An empty store gets a demo backlog first.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliOutput output)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {DefaultUrl}); a loopback address only.",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var users = new Option<string>("--dev-users")
        {
            Description = "The development users people sign in as (JSON; default config/dev-users.json).",
            DefaultValueFactory = _ => ShippedConfig.Path("dev-users.json"),
        };
        var noDemo = new Option<bool>("--no-demo") { Description = "Leave an empty store empty (no demo backlog)." };
        var store = new StoreOptions(output);
        var command = new Command(
            "serve",
            "Serve the board, the workbench and the reports on this machine, signing in development users."
        )
        {
            urls,
            users,
            noDemo,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var url = result.GetValue(urls)!;
                if (DevelopmentSignIn.Refusal([url]) is { } refusal)
                {
                    throw new UsageException(refusal);
                }

                var people = Load(result.GetValue(users)!);
                await using var app = store.ComposeWeb(result, url, (services, configuration) =>
                    services
                        .AddSlaWatchRendering(configuration)
                        .AddSlaWatchWeb()
                        .AddSlaWatchDevelopmentSignIn(people)
                        .AddSlaWatchDemoBacklog()
                );
                if (!result.GetValue(noDemo))
                {
                    var made = await app
                        .Services.GetRequiredService<DemoBacklog>()
                        .FillIfEmptyAsync(DemoTickets, DemoSeed, cancellationToken)
                        .ConfigureAwait(false);
                    if (made > 0)
                    {
                        output.Out.WriteLine(
                            string.Create(CultureInfo.InvariantCulture, $"The store was empty: {made} demo tickets.")
                        );
                    }
                }

                app.MapSlaWatchPages();
                app.MapDevelopmentSignIn();
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                var address = app
                    .Services.GetRequiredService<IServer>()
                    .Features.Get<IServerAddressesFeature>()!
                    .Addresses.First();
                output.Out.WriteLine($"SlaWatch on {address}/ (board, workbench, reports); Ctrl-C stops it.");
                output.Out.WriteLine(
                    "Sign in as: " + string.Join(", ", people.People.Select(person => $"{person.Name} ({person.Id})"))
                );
                output.Out.Flush();
                // Ctrl-C, or a service manager's SIGTERM: stop serving and leave (the process would otherwise outlive
                // the script that started it).
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                void Stop(PosixSignalContext context)
                {
                    context.Cancel = true;
                    stop.Cancel();
                }

                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Asked to stop.
                }

                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return SlawatchApp.Ok;
            }
        );
        return command;
    }

    private const int DemoTickets = 60;
    private const int DemoSeed = 27;

    private static DevelopmentUsers Load(string path)
    {
        try
        {
            return DevelopmentUsers.Load(path);
        }
        catch (Exception error)
            when (error is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
        {
            throw new UsageException($"--dev-users: {error.Message}");
        }
    }
}
