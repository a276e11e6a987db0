using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.Storage.Memory;
using SlaWatch.Core.Policies;
using SlaWatch.Replay.Input;
using SlaWatch.Storage;
using SlaWatch.TestSupport;

namespace SlaWatch.Replay.Tests;

/// <summary>Runs a replay directory under a policy, in memory or on a fresh set of tables on Azurite.</summary>
internal static class Replays
{
    public static async Task<ReplayRun> RunAsync(string directory, SlaPolicy policy, string? azurite = null, ReplayOptions? options = null, string? prefix = null)
    {
        options ??= new ReplayOptions();
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var ports = azurite is null
            ? new MemoryStore()
            : TableServices.PortsOn(new TableStorage(StorageOptions.FromConnection(azurite, prefix ?? "rp" + Guid.NewGuid().ToString("N")[..10])), TimeProvider.System);
        var items = ReplayEngine.InRange(ReplayDirectory.Read(directory, policy.TimeZone), policy.TimeZone, options);
        await using var engine = new ReplayEngine(ports, policy, Shipped.Rules, clock, new ReplayTally());
        return await engine.RunAsync(items, options);
    }

    /// <summary>The shipped policy with e-mail acknowledgement due in <paramref name="target"/> (a copy beside its calendars).</summary>
    public static SlaPolicy WithEmailAcknowledgement(string target)
    {
        var directory = Directory.CreateTempSubdirectory("slawatch-policy-").FullName;
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
    public static string Figures(ReplayRun run) => JsonSerializer.Serialize(run.Days.Select(day => new { day.From, day.Figures, day.Exceptions }));

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
