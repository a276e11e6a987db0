namespace SlaWatch.Hosting.Settings;

/// <summary>
/// Settings whose value is still a Key Vault reference (<c>@Microsoft.KeyVault(...)</c>): the platform could not read
/// the secret, and handed the reference through as the value. Taken as the secret, it would fail every signature
/// check with a 401 and no one the wiser; the app refuses to start instead, naming each such setting (never its
/// value).
/// </summary>
public sealed class UnresolvedSecrets : CheckedSettings
{
    public const string Marker = "@Microsoft.KeyVault(";

    public static void Read(UnresolvedSecrets settings, SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (
            var name in reader
                .All()
                .Where(setting =>
                    setting.Value?.TrimStart().StartsWith(Marker, StringComparison.OrdinalIgnoreCase) == true
                )
                .Select(setting => SettingsReader.Name(setting.Key))
                .Order(StringComparer.Ordinal)
        )
        {
            reader.Problems.Add(
                $"{name} is still a Key Vault reference: the platform could not read the secret (does the secret "
                    + "exist, and may the app's identity read it, with Key Vault Secrets User?)"
            );
        }
    }
}
