using System.Text;
using System.Text.Json;

namespace SlaWatch.Core.Workbench;

/// <summary>
/// The person App Service Authentication signed in, from its <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 JSON with
/// <c>claims</c> (<c>typ</c>, <c>val</c>), <c>name_typ</c> and <c>role_typ</c>. The id is the Entra object id, the
/// name the display name; the app roles <c>SlaWatch.Agent</c>, <c>SlaWatch.Lead</c> and <c>SlaWatch.Admin</c> are
/// the roles; the sign-in name and e-mail are aliases. Whether to trust the header at all is the host's question:
/// the platform strips it from outside requests only when its authentication is on.
/// </summary>
public static class PlatformPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>A principal is a few kilobytes of claims; more is not one the platform made.</summary>
    public const int MaxHeaderLength = 16 * 1024;

    private const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private static readonly Dictionary<string, WorkbenchRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SlaWatch.Agent"] = WorkbenchRole.Agent,
        ["SlaWatch.Lead"] = WorkbenchRole.Lead,
        ["SlaWatch.Admin"] = WorkbenchRole.Admin,
    };

    /// <summary>The person the header names, or why it names no one.</summary>
    public static (WorkbenchPerson? Person, string? Refusal) Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, "not signed in");
        }

        if (header.Length > MaxHeaderLength)
        {
            return (null, $"principal: more than {MaxHeaderLength} characters");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            return (null, "principal: not base64");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return Person(document.RootElement);
        }
        catch (JsonException)
        {
            return (null, "principal: not JSON");
        }
    }

    private static (WorkbenchPerson?, string?) Person(JsonElement root)
    {
        if (
            root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("claims", out var claims)
            || claims.ValueKind != JsonValueKind.Array
        )
        {
            return (null, "principal: no claims");
        }

        var nameType = Text(root, "name_typ") ?? "name";
        var roleType = Text(root, "role_typ") ?? "roles";
        var values = claims
            .EnumerateArray()
            .Where(claim => claim.ValueKind == JsonValueKind.Object)
            .Select(claim => (Type: Text(claim, "typ"), Value: Text(claim, "val")))
            .Where(claim => claim.Type is not null && claim.Value is not null)
            .ToArray();
        string? First(params string[] types) =>
            values.FirstOrDefault(claim => types.Contains(claim.Type, StringComparer.Ordinal)).Value;

        var id = First(ObjectId, "oid");
        if (id is null)
        {
            return (null, "principal: no object id (oid) claim");
        }

        var roles = values
            .Where(claim => claim.Type == roleType && Roles.ContainsKey(claim.Value!))
            .Select(claim => Roles[claim.Value!])
            .ToHashSet();
        // The display name when the token carries one; the sign-in name (name_typ) is then an alias.
        var name = First("name") ?? First(nameType) ?? id;
        string[] aliases =
        [
            .. new[] { First("preferred_username"), First(nameType), First("email") }
                .OfType<string>()
                .Where(alias => alias != id && alias != name)
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
        return (new WorkbenchPerson(id, name, roles, aliases), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() is { Length: > 0 and <= 512 } text
                ? text
                : null
            : null;

    /// <summary>The header a principal would carry: what tests and the local sign-in use to build one.</summary>
    public static string Encode(string id, string name, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var claims = new List<object> { new { typ = ObjectId, val = id }, new { typ = "name", val = name } };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        var json = JsonSerializer.Serialize(
            new
            {
                auth_typ = "aad",
                claims,
                name_typ = "name",
                role_typ = "roles",
            }
        );
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
