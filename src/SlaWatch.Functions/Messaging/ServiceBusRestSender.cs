using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// Sends through Service Bus's HTTPS interface (<c>POST {namespace}/{entity}/messages</c>, broker properties as a
/// header), which sets what the Functions output binding cannot: the session id the inbound queue needs, a message
/// id, and application properties for the topic's subscription filters. Signs with the connection string's key or
/// an Entra token of the managed identity.
/// </summary>
public sealed class ServiceBusRestSender(ServiceBusTarget target, HttpClient http, TimeProvider time) : IMessageSender
{
    private static readonly string[] Scopes = ["https://servicebus.azure.net/.default"];
    private readonly TokenCredential? _credential = target.UsesIdentity
        ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = target.ClientId })
        : null;

    public async Task SendAsync(string entity, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = new Uri(target.Endpoint, $"{entity}/messages");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, message.ContentType),
        };
        request.Headers.TryAddWithoutValidation("Authorization", await AuthorizationAsync(uri, cancellationToken).ConfigureAwait(false));
        var broker = new Dictionary<string, string>();
        if (message.SessionId is { } session)
        {
            broker["SessionId"] = session;
        }

        if (message.MessageId is { } id)
        {
            broker["MessageId"] = id;
        }

        request.Headers.TryAddWithoutValidation("BrokerProperties", JsonSerializer.Serialize(broker));
        foreach (var (name, value) in message.Properties)
        {
            // Custom properties travel as headers whose values are JSON literals.
            request.Headers.TryAddWithoutValidation(name, JsonSerializer.Serialize(value));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"Service Bus refused the message to {entity}: {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private async Task<string> AuthorizationAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (_credential is not null)
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken).ConfigureAwait(false);
            return new AuthenticationHeaderValue("Bearer", token.Token).ToString();
        }

        var resource = Uri.EscapeDataString(uri.GetLeftPart(UriPartial.Path).ToLowerInvariant());
        var expiry = (time.GetUtcNow() + TimeSpan.FromMinutes(10)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(target.Key!), Encoding.UTF8.GetBytes(resource + "\n" + expiry)));
        return $"SharedAccessSignature sr={resource}&sig={Uri.EscapeDataString(signature)}&se={expiry}&skn={target.KeyName}";
    }
}
