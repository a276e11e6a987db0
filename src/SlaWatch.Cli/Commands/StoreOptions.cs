using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Hosting;
using SlaWatch.Hosting.Settings;
using SlaWatch.Rendering;
using SlaWatch.Storage;

namespace SlaWatch.Cli.Commands;

/// <summary>The options every command that reads or writes tickets takes, and the services they make.
/// <paramref name="nowDescription"/> says what <c>--now</c> means to the command.</summary>
internal sealed partial class StoreOptions(CliOutput output, string? nowDescription = null)
{
    public const string StorageVariable = "SLAWATCH_STORAGE";
    public const string PrefixVariable = "SLAWATCH_TABLE_PREFIX";

    public Option<string> Storage { get; } =
        new("--storage")
        {
            Description =
                $"Table Storage connection string or table service URI (default: ${StorageVariable}, else local "
                + $"Azurite).",
        };

    /// <summary><c>--account NAME</c>: a deployment's data account by its name, reached with the operator's own
    /// sign-in (az login) since shared keys are off there.</summary>
    public Option<string> Account { get; } =
        new("--account")
        {
            Description =
                "An Azure storage account's name: its tables, signed in as you (az login); instead of --storage.",
        };

    public Option<string> TablePrefix { get; } =
        new("--table-prefix")
        {
            Description =
                $"Prefix of the table names, to keep sets of tables apart (default: ${PrefixVariable}, else none).",
        };

    public Option<string> Policy { get; } =
        new("--policy")
        {
            Description = "SLA policy JSON file.",
            DefaultValueFactory = _ => ShippedConfig.Path("sla-policy.json"),
        };

    public Option<string> PolicyArchive { get; } =
        new("--policy-archive")
        {
            Description = "Folder of earlier policy versions (one JSON file each), for days computed under them.",
            DefaultValueFactory = _ => ShippedConfig.Path("policies"),
        };

    public Option<string> Rules { get; } =
        new("--rules")
        {
            Description = "Classification rules JSON file.",
            DefaultValueFactory = _ => ShippedConfig.Path("classification.json"),
        };

    /// <summary><c>--now</c>: every command that touches tickets runs on a clock a test or an operator can stop,
    /// so what it records or reads never depends on the machine's date.</summary>
    public Option<string> Now { get; } =
        nowDescription is null ? CommonOptions.Now() : CommonOptions.Now(nowDescription);

    /// <summary>The clock the command runs on: stopped at <c>--now</c> when given, else the system's.</summary>
    public TimeProvider Clock(ParseResult result) => CommonOptions.Clock(result, Now);

    /// <summary>Adds the options to <paramref name="command"/>; <c>--now</c> only when it runs on a clock (a replay
    /// runs on its input's own).</summary>
    public void AddTo(Command command, bool withClock = true)
    {
        if (withClock)
        {
            command.Options.Add(Now);
        }

        command.Options.Add(Storage);
        command.Options.Add(Account);
        command.Options.Add(TablePrefix);
        command.Options.Add(Policy);
        command.Options.Add(Rules);
        command.Options.Add(PolicyArchive);
    }

    /// <summary>The tables the command works on: those <see cref="StorageGiven"/> names, else the local
    /// Azurite.</summary>
    public string StorageOf(ParseResult result) => StorageGiven(result) ?? StorageOptions.LocalAzurite;

    /// <summary>The tables named by <c>--account</c> (its table service), <c>--storage</c> or
    /// <c>$SLAWATCH_STORAGE</c>; null when none names any (a command with a default of its own). Both options at
    /// once, or a name no account can have, stop the command.</summary>
    public string? StorageGiven(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var storage = result.GetValue(Storage);
        if (result.GetValue(Account) is not { } account)
        {
            return storage ?? Environment.GetEnvironmentVariable(StorageVariable);
        }

        if (storage is not null)
        {
            throw new UsageException("--account and --storage both name the tables: give one");
        }

        return AccountName().IsMatch(account)
            ? $"https://{account}.table.core.windows.net/"
            : throw new UsageException(
                $"--account: '{account}' is not a storage account name (3 to 24 lowercase letters and digits)"
            );
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        "^[a-z0-9]{3,24}$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant
    )]
    private static partial System.Text.RegularExpressions.Regex AccountName();

    /// <summary>The services with the reports' renderings, ECharts found as the command line finds it.</summary>
    public CommandHost ComposeRendering(ParseResult result) =>
        Compose(result, added => added.AddSlaWatchRendering(ReportCommands.EnvironmentSettings()));

    /// <summary>
    /// The command's services, composed as every host composes them (<c>AddSlaWatch</c>) from these options on a
    /// host builder, on <see cref="Clock"/>, the settings checked at once as a host's start checks them: a bad value
    /// stops the command naming its option. <paramref name="configure"/> registers what the command adds (its
    /// notifier, its mailbox, its options), before the rest, so it wins over the defaults. Dispose the host when
    /// done.
    /// </summary>
    public CommandHost Compose(ParseResult result, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings
            {
                ContentRootPath = Environment.CurrentDirectory,
                DisableDefaults = true,
            }
        );
        // Settings beyond the options, named as the Functions app's (Alerts__Routes__{name}__Url, Mail__SmtpHost, …).
        builder.Configuration.AddEnvironmentVariables();
        Configure(result, builder.Configuration, builder.Services, builder.Logging, configure);
        return new CommandHost(Checked(builder.Build()));
    }

    /// <summary>
    /// The same services as <see cref="Compose"/> behind Kestrel listening on <paramref name="url"/>, for a command
    /// that serves pages (<c>serve</c>). <paramref name="configure"/> adds what the host serves. Dispose it when
    /// done.
    /// </summary>
    public WebApplication ComposeWeb(
        ParseResult result,
        string url,
        Action<IServiceCollection, IConfiguration> configure
    )
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateEmptyBuilder(
            new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory }
        );
        builder.WebHost.UseKestrelCore().UseUrls(url);
        // Settings beyond the options, named as the Functions app's (WeChat__Accounts__{name}__Token, …).
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        Configure(result, builder.Configuration, builder.Services, builder.Logging, services =>
            configure(services, builder.Configuration)
        );
        return Checked(builder.Build());
    }

    private IServiceCollection Configure(
        ParseResult result,
        IConfigurationManager configuration,
        IServiceCollection services,
        ILoggingBuilder logging,
        Action<IServiceCollection>? configure
    )
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingsReader.Key(StoreSettings.Storage)] = StorageOf(result),
            [SettingsReader.Key(StoreSettings.TablePrefix)] = result.GetValue(TablePrefix)
                ?? Environment.GetEnvironmentVariable(PrefixVariable),
            [SettingsReader.Key(StoreSettings.PolicyFile)] = result.GetValue(Policy),
            [SettingsReader.Key(StoreSettings.RulesFile)] = result.GetValue(Rules),
            [SettingsReader.Key(StoreSettings.PolicyArchive)] = result.GetValue(PolicyArchive),
        };
        configuration.AddInMemoryCollection(settings);
        services.AddSingleton(Clock(result));
        logging.AddCliWarnings(output.Error);
        configure?.Invoke(services);
        return services.AddSlaWatch(configuration, Environment.CurrentDirectory);
    }

    // What a host checks when it starts (every option validated on start), checked now.
    private static T Checked<T>(T host)
        where T : IHost
    {
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            return host;
        }
        catch (OptionsValidationException error)
        {
            host.Dispose();
            throw new UsageException(string.Join("; ", error.Failures.Select(OptionNames)));
        }
    }

    // The settings are named as the portal spells them; here the user typed options.
    private static string OptionNames(string problem) =>
        problem
            .Replace(StoreSettings.Storage, "--storage", StringComparison.Ordinal)
            .Replace(StoreSettings.TablePrefix, "--table-prefix", StringComparison.Ordinal)
            .Replace(StoreSettings.PolicyFile, "--policy", StringComparison.Ordinal)
            .Replace(StoreSettings.RulesFile, "--rules", StringComparison.Ordinal)
            .Replace(StoreSettings.PolicyArchive, "--policy-archive", StringComparison.Ordinal);
}
