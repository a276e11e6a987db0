using System.CommandLine;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
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
        DefaultValueFactory = _ => Path.Combine("config", "sla-policy.json"),
    };

    public Option<string> Rules { get; } = new("--rules")
    {
        Description = "Classification rules JSON file.",
        DefaultValueFactory = _ => Path.Combine("config", "classification.json"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Storage);
        command.Options.Add(TablePrefix);
        command.Options.Add(Policy);
        command.Options.Add(Rules);
    }

    public TableServices Services(ParseResult result, TimeProvider time)
    {
        var connection = result.GetValue(Storage) ?? Environment.GetEnvironmentVariable(StorageVariable);
        var prefix = result.GetValue(TablePrefix) ?? Environment.GetEnvironmentVariable(PrefixVariable) ?? string.Empty;
        var policy = SlaPolicyLoader.Load(result.GetValue(Policy)!);
        var rules = ClassificationLoader.Load(result.GetValue(Rules)!);
        try
        {
            return new TableServices(StorageOptions.FromConnection(connection, prefix), policy, rules, time);
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            throw new UsageException($"--storage: not a usable connection string or table service URI ({error.Message})");
        }
    }
}
