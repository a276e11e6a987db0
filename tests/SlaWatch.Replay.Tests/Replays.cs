using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Policies;
using SlaWatch.Replay.Input;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Replay.Tests;

/// <summary>Runs a replay directory under a policy, in memory or on a fresh set of tables on Azurite.</summary>
internal static class Replays
{
    public static async Task<ReplayRun> RunAsync(
        string directory,
        SlaPolicy policy,
        string? azurite = null,
        ReplayOptions? options = null,
        string? prefix = null
    )
    {
        options ??= new ReplayOptions();
        var items = ReplayDirectory.Read(directory, policy);
        var tables = azurite is null
            ? null
            : StorageOptions.FromConnection(azurite, prefix ?? "rp" + Guid.NewGuid().ToString("N")[..10]);
        await using var provider = Compose(policy, services =>
            _ = tables is null ? services.AddSlaWatchMemoryStorage() : services.AddSlaWatchTableStorage(tables)
        );
        return await provider.GetRequiredService<ReplayEngine>().RunAsync(items, options);
    }

    /// <summary>A replay's services as the command line composes them, on the storage <paramref name="storage"/>
    /// registers.</summary>
    public static ServiceProvider Compose(
        SlaPolicy policy,
        Action<IServiceCollection> storage,
        ReplayTally? tally = null
    ) =>
        ReplayServiceCollectionExtensions.BuildReplayProvider(
            policy,
            Shipped.Rules,
            storage,
            tally ?? new ReplayTally()
        );

    /// <summary>The shipped policy with e-mail acknowledgement due in <paramref name="target"/> (a copy beside its
    /// calendars).</summary>
    public static SlaPolicy WithEmailAcknowledgement(string target)
    {
        var directory = TestFolders.Create("slawatch-policy-").FullName;
        CopyDirectory(RepoRoot.Config(string.Empty), directory);
        var path = Path.Combine(directory, "sla-policy.json");
        var policy = JsonNode.Parse(File.ReadAllText(path))!;
        policy["version"] = $"what-if-ack-{target}";
        foreach (var rule in policy["rules"]!.AsArray())
        {
            if (rule!["name"]!.GetValue<string>() == "email-acknowledgement")
            {
                rule["targets"]!["acknowledgement"] = target;
            }
        }

        File.WriteAllText(path, policy.ToJsonString());
        return SlaPolicyLoader.Load(path);
    }

    /// <summary>Every figure of every day, as JSON: two runs agree when these agree.</summary>
    public static string Figures(ReplayRun run) =>
        JsonSerializer.Serialize(
            run.Days.Select(day => new
            {
                day.From,
                day.Figures,
                day.Exceptions,
            })
        );

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
