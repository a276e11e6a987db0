namespace SlaWatch.Core.Workbench;

/// <summary>The levels of the permission table (问题处理权限表): an admin may do all a lead may, a lead all an
/// agent may.</summary>
public enum WorkbenchRole
{
    Agent,
    Lead,
    Admin,
}

/// <summary>
/// A signed-in person: the id every event they make is recorded under, the name shown, their roles, and the other
/// names the channels know them by (a phone extension, a mailbox address, a chat agent id, a display name), so a
/// ticket owned under any of them is theirs.
/// </summary>
public sealed record WorkbenchPerson(
    string Id,
    string Name,
    IReadOnlySet<WorkbenchRole> Roles,
    IReadOnlyList<string> Aliases
)
{
    /// <summary>Leads and admins act on every ticket and transfer.</summary>
    public bool Leads => Roles.Contains(WorkbenchRole.Lead) || Roles.Contains(WorkbenchRole.Admin);

    /// <summary>
    /// The person as the policy's <c>people</c> know them: their name there when their id or name is one of its
    /// names, and every name they go by there as an alias.
    /// </summary>
    public WorkbenchPerson Known(Policies.PeopleDirectory people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var name = people.NameOf(Id) is { } byId && byId != Id ? byId : people.NameOf(Name) ?? Name;
        string[] aliases =
        [
            .. people
                .NamesOf(name)
                .Concat(Aliases)
                .Append(Name)
                .Where(alias => alias != Id && alias != name)
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
        return this with { Name = name, Aliases = aliases };
    }

    /// <summary>Whether <paramref name="owner"/>, as a ticket records it, names this person.</summary>
    public bool Owns(string? owner) =>
        owner is not null
        && (
            string.Equals(owner, Id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(owner, Name, StringComparison.Ordinal)
            || Aliases.Contains(owner, StringComparer.OrdinalIgnoreCase)
        );
}
