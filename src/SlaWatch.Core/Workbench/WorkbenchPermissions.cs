namespace SlaWatch.Core.Workbench;

/// <summary>
/// The permission table (问题处理权限表): agents act on their own tickets and on unowned ones; leads and admins on
/// every ticket, and only they transfer. Whoever an alert reached acknowledges it, whoever owns the ticket. Someone
/// without a role does nothing.
/// </summary>
public static class WorkbenchPermissions
{
    /// <summary>Why <paramref name="person"/> may not take <paramref name="action"/> on a ticket owned by
    /// <paramref name="owner"/>; null when they may.</summary>
    public static string? Refusal(WorkbenchPerson person, WorkbenchAction action, string? owner)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Roles.Count == 0)
        {
            return "no SlaWatch role: ask an admin for SlaWatch.Agent, SlaWatch.Lead or SlaWatch.Admin";
        }

        if (person.Leads || action == WorkbenchAction.Acknowledge)
        {
            return null;
        }

        if (action == WorkbenchAction.Transfer)
        {
            return "only a lead transfers a ticket";
        }

        // Taking a ticket someone owns is not a permission question: the first to take it won (a conflict).
        return action == WorkbenchAction.Take || owner is null || person.Owns(owner)
            ? null
            : $"the ticket is {owner}'s: an agent acts on their own and unowned tickets";
    }

    /// <summary>
    /// Whether <paramref name="person"/> may read the figures and tickets of an agent (a coaching card, the tickets
    /// behind a scorecard): a lead or admin anyone's, an agent their own under any of their names.
    /// </summary>
    public static bool SeesFiguresOf(WorkbenchPerson person, string agent, Policies.PeopleDirectory people)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(people);
        return person.Leads || person.Owns(agent) || people.NameOf(agent) == person.Name;
    }
}
