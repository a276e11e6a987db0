using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Web.SignIn;

/// <summary>
/// The people a local host signs in without a directory (<c>config/dev-users.json</c>): <c>{"users": [{"id",
/// "name", "roles": ["agent"|"lead"|"admin"], "aliases": [...]}]}</c>. For a developer's machine only: see <see
/// cref="DevelopmentSignIn"/>.
/// </summary>
public sealed class DevelopmentUsers
{
    private readonly Dictionary<string, WorkbenchPerson> _byId;

    public DevelopmentUsers(IEnumerable<WorkbenchPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        People = [.. people];
        _byId = new Dictionary<string, WorkbenchPerson>(StringComparer.Ordinal);
        foreach (var person in People)
        {
            if (!_byId.TryAdd(person.Id, person))
            {
                throw new ArgumentException($"users: the id '{person.Id}' is given twice", nameof(people));
            }
        }
    }

    public IReadOnlyList<WorkbenchPerson> People { get; }

    public WorkbenchPerson? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads the list; a wrong entry is an <see cref="InvalidDataException"/> naming the file and the
    /// entry.</summary>
    public static DevelopmentUsers Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (
            !document.RootElement.TryGetProperty("users", out var users)
            || users.ValueKind != JsonValueKind.Array
            || users.GetArrayLength() == 0
        )
        {
            throw new InvalidDataException($"{path}: users: a list of at least one person is needed");
        }

        var people = new List<WorkbenchPerson>();
        foreach (var (user, position) in users.EnumerateArray().Select((user, position) => (user, position)))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}: users[{position}]");
            var id = Text(user, "id") ?? throw new InvalidDataException($"{where}.id: missing");
            var roles = Texts(user, "roles")
                .Select(role =>
                    Enum.TryParse<WorkbenchRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                        ? parsed
                        : throw new InvalidDataException($"{where}.roles: '{role}' is not agent, lead or admin")
                )
                .ToHashSet();
            if (roles.Count == 0)
            {
                throw new InvalidDataException($"{where}.roles: at least one of agent, lead, admin");
            }

            people.Add(new WorkbenchPerson(id, Text(user, "name") ?? id, roles, [.. Texts(user, "aliases")]));
        }

        try
        {
            return new DevelopmentUsers(people);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message.Split(" (Parameter")[0]}", error);
        }
    }

    private static string? Text(JsonElement user, string name) =>
        user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static IEnumerable<string> Texts(JsonElement user, string name) =>
        user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty(name, out var values)
        && values.ValueKind == JsonValueKind.Array
            ? values
                .EnumerateArray()
                .Where(value => value.ValueKind == JsonValueKind.String)
                .Select(value => value.GetString()!)
            : [];
}
