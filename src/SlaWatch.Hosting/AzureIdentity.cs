using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace SlaWatch.Hosting;

/// <summary>
/// The one credential every Azure client of a host signs in with. In Azure (the platform sets
/// <c>WEBSITE_SITE_NAME</c>) it is the user-assigned managed identity named by <c>AZURE_CLIENT_ID</c>, and nothing
/// else: a chain would try environment secrets, workload identity and developer tools first, slowly and with
/// confusing errors. On a developer's machine it is <see cref="DefaultAzureCredential"/>: their own sign-in.
/// </summary>
public static class AzureIdentity
{
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>Set by App Service and Functions on every app they run.</summary>
    public const string PlatformSetting = "WEBSITE_SITE_NAME";

    public static TokenCredential Credential(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var clientId = configuration[ClientIdSetting] is { Length: > 0 } id ? id : null;
        if (configuration[PlatformSetting] is { Length: > 0 })
        {
            return new ManagedIdentityCredential(
                clientId is null
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(clientId)
            );
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
