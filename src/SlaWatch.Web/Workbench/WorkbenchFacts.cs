using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Web.Workbench;

/// <summary>A category as the page offers it: its key and both names.</summary>
public sealed record WorkbenchCategory(string Key, string Zh, string En);

/// <summary>The signed-in person and what the page offers them to choose from: the channels and the categories by
/// their names, the overdue reasons,
/// the satisfaction scale, the zone times are shown in and, when the policy names its people, whom a ticket can be
/// transferred to.</summary>
public sealed record WorkbenchMe(
    string Id,
    string Name,
    IReadOnlyList<string> Roles,
    bool Leads,
    string SignOut,
    string TimeZone,
    IReadOnlyList<ChannelLabel> Channels,
    IReadOnlyList<WorkbenchCategory> Categories,
    IReadOnlyList<string> OverdueReasons,
    int SatisfactionScale,
    IReadOnlyList<string> People
);

/// <summary>What the workbench page needs beside the person, from the policy, the rules and the options.</summary>
public sealed class WorkbenchFacts(SlaPolicy policy, ClassificationRules rules, WorkbenchOptions options)
{
    public WorkbenchMe For(WorkbenchPerson person, string signOut)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new WorkbenchMe(
            person.Id,
            person.Name,
            [.. person.Roles.Order().Select(role => role.ToString().ToLowerInvariant())],
            person.Leads,
            signOut,
            policy.TimeZone.Id,
            policy.Channels.Labels,
            [
                .. rules.Categories.Select(category => new WorkbenchCategory(
                    category.Key,
                    category.NameZh,
                    category.NameEn
                )),
            ],
            [.. options.OverdueReasons],
            options.SatisfactionScale,
            [.. policy.People.Aliases.Keys.Order(StringComparer.Ordinal)]
        );
    }
}
