using SlaWatch.Hosting.Settings;

namespace SlaWatch.Functions.Settings;

/// <summary>How to reach Service Bus: a connection string (key-based), or a namespace signed in to with the
/// identity.</summary>
public sealed record ServiceBusConnection(string? ConnectionString, string? FullyQualifiedNamespace)
{
    public static ServiceBusConnection Read(SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Optional(AppSettings.ServiceBus) is { } connection)
        {
            var parts = connection
                .Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('=', 2)[0].Trim())
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (
                !parts.Contains("Endpoint")
                || !parts.Contains("SharedAccessKeyName") && !parts.Contains("SharedAccessSignature")
            )
            {
                reader.Problems.Add(
                    $"{AppSettings.ServiceBus} is not a Service Bus connection string (Endpoint=sb://…;"
                        + $"SharedAccessKeyName=…;SharedAccessKey=…)"
                );
            }

            return new ServiceBusConnection(connection, null);
        }

        if (reader.Optional(AppSettings.ServiceBusNamespace) is { } fullyQualified)
        {
            return new ServiceBusConnection(null, fullyQualified.Trim().TrimEnd('/'));
        }

        reader.Problems.Add(
            $"{AppSettings.ServiceBus} (a connection string) or {AppSettings.ServiceBusNamespace} (for the managed "
                + $"identity) is missing"
        );
        return new ServiceBusConnection(null, null);
    }
}
