using Microsoft.AspNetCore.Http;

namespace SlaWatch.Functions.Triggers;

/// <summary>A request's headers as the signature checks read them: by name, case ignored.</summary>
internal static class RequestHeaders
{
    public static Dictionary<string, string> Of(HttpRequest request) =>
        request.Headers.ToDictionary(
            header => header.Key,
            header => header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase
        );
}
