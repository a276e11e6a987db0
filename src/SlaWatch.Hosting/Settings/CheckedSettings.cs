using Microsoft.Extensions.Options;

namespace SlaWatch.Hosting.Settings;

/// <summary>Settings read by a <see cref="SettingsReader"/>: what it found wrong travels with them to the
/// validation.</summary>
public abstract class CheckedSettings
{
    public IReadOnlyList<string> Problems { get; set; } = [];
}

/// <summary>
/// Fills <typeparamref name="T"/> from the configuration and fails validation with every problem found, so
/// <c>ValidateOnStart</c> stops the host naming each missing or malformed setting.
/// </summary>
internal sealed class CheckedSettingsSetup<T>(
    Action<T, SettingsReader> read,
    Microsoft.Extensions.Configuration.IConfiguration configuration
) : IConfigureOptions<T>, IValidateOptions<T>
    where T : CheckedSettings
{
    public void Configure(T options)
    {
        var reader = new SettingsReader(configuration);
        read(options, reader);
        options.Problems = reader.Problems;
    }

    public ValidateOptionsResult Validate(string? name, T options) =>
        options.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problems);
}
