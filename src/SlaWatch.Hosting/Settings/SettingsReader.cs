using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SlaWatch.Hosting.Settings;

/// <summary>
/// Reads settings by the names the Azure portal and <c>local.settings.json</c> use (<c>Section__Key</c>) and
/// collects every problem instead of stopping at the first, so start-up can name them all in one message. (The
/// configuration binder throws on the first value it cannot convert, naming only that one.)
/// </summary>
public sealed class SettingsReader(IConfiguration configuration)
{
    public List<string> Problems { get; } = [];

    /// <summary>The value, or null when it is missing or empty.</summary>
    public string? Optional(string name) => configuration[Key(name)] is { Length: > 0 } value ? value : null;

    /// <summary>The section's children (identity-based connections: <c>Name__fullyQualifiedNamespace</c>…).</summary>
    public IConfigurationSection Section(string name) => configuration.GetSection(Key(name));

    public string Required(string name, string what)
    {
        if (Optional(name) is { } value)
        {
            return value;
        }

        Problems.Add($"{name} is missing: {what}");
        return string.Empty;
    }

    public int Port(string name, int fallback)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
        )
        {
            return port;
        }

        Problems.Add($"{name} is '{text}', not a port number");
        return fallback;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; a problem named
    /// otherwise.</summary>
    public int Count(string name, int fallback, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= min
            && count <= max
        )
        {
            return count;
        }

        Problems.Add(
            string.Create(CultureInfo.InvariantCulture, $"{name} is '{text}', not a whole number from {min} to {max}")
        );
        return fallback;
    }

    public bool Flag(string name)
    {
        var text = Optional(name);
        if (text is null || bool.TryParse(text, out var flag) && !flag)
        {
            return false;
        }

        if (bool.TryParse(text, out flag))
        {
            return flag;
        }

        Problems.Add($"{name} is '{text}'; use true or false");
        return false;
    }

    public Uri? AbsoluteUrl(string name)
    {
        if (Optional(name) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            return url;
        }

        Problems.Add($"{name} is '{text}', not an absolute http(s) URL");
        return null;
    }

    /// <summary>A file named relative to <paramref name="root"/> (or absolute); null, and a problem, when there is
    /// none.</summary>
    public string? File(string name, string fallback, string root)
    {
        var path = Path.GetFullPath(Path.Combine(root, Optional(name) ?? fallback));
        if (System.IO.File.Exists(path))
        {
            return path;
        }

        Problems.Add($"{name}: no file {path}");
        return null;
    }

    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (choices.TryGetValue(text, out var chosen))
        {
            return chosen;
        }

        Problems.Add($"{name} is '{text}'; use {string.Join(" or ", choices.Keys)}");
        return fallback;
    }

    /// <summary>
    /// Whether a named slot (<c>WeChat__Accounts__&lt;name&gt;</c>, <c>Alerts__Routes__&lt;name&gt;</c>) has any
    /// setting given: a deployment without one leaves its settings empty, and that is no account or route.
    /// </summary>
    public static bool Given(IConfigurationSection slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.GetChildren().Any(setting => !string.IsNullOrWhiteSpace(setting.Value));
    }

    /// <summary>Every setting there is, by configuration key.</summary>
    public IEnumerable<KeyValuePair<string, string?>> All() => configuration.AsEnumerable();

    /// <summary>A configuration key as the portal spells its setting (<c>Mail:ImapHost</c> is
    /// <c>Mail__ImapHost</c>).</summary>
    public static string Name(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal);
    }

    /// <summary>A setting's name as the portal spells it (<c>Mail__ImapHost</c>) as a configuration key.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
    }
}
