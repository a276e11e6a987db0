namespace SlaWatch.Functions.Messaging;

/// <summary>
/// Where Service Bus is and how to sign in: a shared access key from a connection string, or the managed identity
/// (<c>ServiceBusConnection__fullyQualifiedNamespace</c>, the same settings the trigger binding reads).
/// </summary>
public sealed record ServiceBusTarget(Uri Endpoint, string? KeyName, string? Key, string? ClientId)
{
    public bool UsesIdentity => Key is null;

    public static ServiceBusTarget From(string? connectionString, string? fullyQualifiedNamespace, string? clientId, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (connectionString is not null)
        {
            var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            if (!parts.TryGetValue("Endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                || !parts.TryGetValue("SharedAccessKeyName", out var keyName) || !parts.TryGetValue("SharedAccessKey", out var key))
            {
                problems.Add($"{Hosting.AppSettings.ServiceBusConnectionString} is not a Service Bus connection string (Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…)");
                return new ServiceBusTarget(new Uri("https://invalid/"), null, null, null);
            }

            // The local emulator speaks plain HTTP; Azure only HTTPS.
            var emulator = parts.TryGetValue("UseDevelopmentEmulator", out var flag) && flag.Equals("true", StringComparison.OrdinalIgnoreCase);
            return new ServiceBusTarget(new UriBuilder(emulator ? "http" : "https", uri.Host, emulator ? uri.Port : -1).Uri, keyName, key, null);
        }

        if (fullyQualifiedNamespace is not null)
        {
            return new ServiceBusTarget(new UriBuilder("https", fullyQualifiedNamespace.Trim().TrimEnd('/')).Uri, null, null, clientId);
        }

        problems.Add($"{Hosting.AppSettings.ServiceBusConnectionString} (a connection string) or {Hosting.AppSettings.ServiceBusNamespace} (for the managed identity) is missing");
        return new ServiceBusTarget(new Uri("https://invalid/"), null, null, null);
    }
}
