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
}
