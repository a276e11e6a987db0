using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaWatch.Core.Hosting;
using SlaWatch.Hosting;
using SlaWatch.Hosting.Settings;
using SlaWatch.Storage;

namespace SlaWatch.Cli.Commands;

/// <summary>The options every command that reads or writes tickets takes, and the services they make.</summary>
internal sealed class StoreOptions
{
    public const string StorageVariable = "SLAWATCH_STORAGE";
    public const string PrefixVariable = "SLAWATCH_TABLE_PREFIX";

    public Option<string> Storage { get; } = new("--storage")
    {
        Description = $"Table Storage connection string or table service URI (default: ${StorageVariable}, else local Azurite).",
    };

    public Option<string> TablePrefix { get; } = new("--table-prefix")
    {
        Description = $"Prefix of the table names, to keep sets of tables apart (default: ${PrefixVariable}, else none).",
    };

    public Option<string> Policy { get; } = new("--policy")
    {
        Description = "SLA policy JSON file.",
        DefaultValueFactory = _ => ShippedConfig.Path("sla-policy.json"),
    };

    public Option<string> PolicyArchive { get; } = new("--policy-archive")
    {
        Description = "Folder of earlier policy versions (one JSON file each), for days computed under them.",
        DefaultValueFactory = _ => ShippedConfig.Path("policies"),
    };

    public Option<string> Rules { get; } = new("--rules")
    {
        Description = "Classification rules JSON file.",
        DefaultValueFactory = _ => ShippedConfig.Path("classification.json"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Storage);
        command.Options.Add(TablePrefix);
        command.Options.Add(Policy);
        command.Options.Add(Rules);
        command.Options.Add(PolicyArchive);
    }

    /// <summary>
    /// The services composed as every host composes them (<see cref="SlaWatchServices.AddSlaWatch"/>) from these options,
    /// the settings checked at once: a bad value stops the command naming its option. Dispose it when done.
    /// </summary>
    public ServiceProvider Compose(ParseResult result, TimeProvider time)
    {
        var settings = new Dictionary<string, string?>
        {
            [Key(StoreSettings.Storage)] = result.GetValue(Storage) ?? Environment.GetEnvironmentVariable(StorageVariable) ?? StorageOptions.LocalAzurite,
            [Key(StoreSettings.TablePrefix)] = result.GetValue(TablePrefix) ?? Environment.GetEnvironmentVariable(PrefixVariable),
            [Key(StoreSettings.PolicyFile)] = result.GetValue(Policy),
            [Key(StoreSettings.RulesFile)] = result.GetValue(Rules),
            [Key(StoreSettings.PolicyArchive)] = result.GetValue(PolicyArchive),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddSingleton(time).AddSlaWatch(configuration, Environment.CurrentDirectory).BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<StoreSettings>>().Value;
            return provider;
        }
        catch (OptionsValidationException error)
        {
            provider.Dispose();
            throw new UsageException(string.Join("; ", error.Failures.Select(OptionNames)));
        }
    }

    /// <summary>The command's services: <see cref="Compose"/>, and the ticket services from it.</summary>
    public static TicketServices Tickets(ServiceProvider provider) => provider.GetRequiredService<TicketServices>();

    private static string Key(string setting) => setting.Replace("__", ":", StringComparison.Ordinal);

    // The settings are named as the portal spells them; here the user typed options.
    private static string OptionNames(string problem) => problem
        .Replace(StoreSettings.Storage, "--storage", StringComparison.Ordinal)
        .Replace(StoreSettings.TablePrefix, "--table-prefix", StringComparison.Ordinal)
        .Replace(StoreSettings.PolicyFile, "--policy", StringComparison.Ordinal)
        .Replace(StoreSettings.RulesFile, "--rules", StringComparison.Ordinal)
        .Replace(StoreSettings.PolicyArchive, "--policy-archive", StringComparison.Ordinal);
}
