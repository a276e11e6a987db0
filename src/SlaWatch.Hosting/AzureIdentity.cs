using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace SlaWatch.Hosting;

/// <summary>
/// The one credential every Azure client of a host signs in with: <see cref="DefaultAzureCredential"/>, naming the
/// user-assigned managed identity by <c>AZURE_CLIENT_ID</c> in Azure; a developer's own sign-in locally.
/// </summary>
public static class AzureIdentity
{
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    public static TokenCredential Credential(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new DefaultAzureCredential(
            new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = configuration[ClientIdSetting] is { Length: > 0 } clientId ? clientId : null,
            }
        );
    }
}
