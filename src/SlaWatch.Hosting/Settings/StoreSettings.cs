using SlaWatch.Core.Classification;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Storage;

namespace SlaWatch.Hosting.Settings;

/// <summary>Where the SLA tables are, and the policy and classification rules the services run on (loaded and
/// checked).</summary>
public sealed class StoreSettings : CheckedSettings
{
    public const string Storage = "SlaWatch__Storage";
    public const string TablePrefix = "SlaWatch__TablePrefix";
    public const string PolicyFile = "SlaWatch__PolicyFile";
    public const string RulesFile = "SlaWatch__RulesFile";
    public const string PolicyArchive = "SlaWatch__PolicyArchive";
    public const string DueShards = "SlaWatch__DueShards";

    public StorageOptions Tables { get; set; } = new();

    public SlaPolicy? Policy { get; set; }

    /// <summary>The folder of the policy in force: what a draft policy may name files in.</summary>
    public string PolicyFolder { get; set; } = ".";

    public ClassificationRules? Rules { get; set; }

    /// <summary>Earlier policy versions, for past days computed under them.</summary>
    public Core.Policies.PolicyArchive Archive { get; set; } = Core.Policies.PolicyArchive.Empty;

    /// <summary>Reads the settings and loads the files they name; relative files are found under <paramref
    /// name="root"/>.</summary>
    public static void Read(StoreSettings settings, SettingsReader reader, string root)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reader);
        var connection = reader.Required(
            Storage,
            "a connection string, or a table service URI used with the managed identity"
        );
        var prefix = reader.Optional(TablePrefix) ?? string.Empty;
        if (StorageOptions.PrefixProblem(prefix) is { } problem)
        {
            reader.Problems.Add($"{TablePrefix}: {problem}");
            prefix = string.Empty;
        }

        settings.Tables = StorageOptions.FromConnection(connection, prefix) with
        {
            DueShards = reader.Count(DueShards, 1, 1, StorageOptions.MaxDueShards),
        };
        settings.Policy = Load(reader, PolicyFile, Path.Combine("config", "sla-policy.json"), root, path =>
        {
            settings.PolicyFolder = Path.GetDirectoryName(path) ?? ".";
            return SlaPolicyLoader.Load(path);
        });
        settings.Rules = Load(reader, RulesFile, Path.Combine("config", "classification.json"), root, path =>
            ClassificationLoader.Load(path, channels: settings.Policy?.Channels)
        );
        try
        {
            settings.Archive = Core.Policies.PolicyArchive.Load(
                Path.GetFullPath(
                    Path.Combine(root, reader.Optional(PolicyArchive) ?? Path.Combine("config", "policies"))
                )
            );
        }
        catch (ConfigException error)
        {
            reader.Problems.Add($"{PolicyArchive}: {error.Message}");
        }
    }

    private static T? Load<T>(SettingsReader reader, string name, string fallback, string root, Func<string, T> load)
        where T : class
    {
        if (reader.File(name, fallback, root) is not { } path)
        {
            return null;
        }

        try
        {
            return load(path);
        }
        catch (ConfigException error)
        {
            reader.Problems.Add($"{name}: {error.Message}");
            return null;
        }
    }
}
