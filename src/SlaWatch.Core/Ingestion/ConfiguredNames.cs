using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// The categories and customer tiers a person's input may name (an input line, an API call): the configured ones (a
/// category by its key or either of its names; a tier that a policy rule matches, or <c>vip</c>). Anything else would
/// become a dimension of every report, markup or a formula included, so it is refused with the list. Categories our
/// own channels set (a missed call's <c>callback</c>) are not input and are not checked.
/// </summary>
public static class ConfiguredNames
{
    /// <summary>Throws <see cref="InputException"/> naming the field when a line names a category or tier not
    /// configured.</summary>
    public static void Check(InputLine line, ClassificationRules rules, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(policy);
        var (category, tier) = line switch
        {
            ContactLine { Contact: var contact } => (contact.Category, contact.CustomerTier),
            EventLine { Event: CategoryChanged change } => (change.Category, null),
            _ => (null, null),
        };
        if (category is not null && CategoryProblem(category, rules) is { } problem)
        {
            throw new InputException("category", problem);
        }

        if (tier is not null && Tiers(policy) is var tiers && !tiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
        {
            throw new InputException("tier", $"'{tier}' is not a configured tier; use {string.Join(", ", tiers)}");
        }
    }

    /// <summary>Why <paramref name="category"/> may not be named (with the configured list), or null when it may:
    /// for a line, and for a setting that maps something onto a category.</summary>
    public static string? CategoryProblem(string category, ClassificationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (IsCategory(category, rules))
        {
            return null;
        }

        var known = rules
            .Categories.Select(rule => rule.Key)
            .Append(rules.DefaultCategory)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return $"'{category}' is not a configured category; use {string.Join(", ", known)}";
    }

    private static bool IsCategory(string name, ClassificationRules rules) =>
        string.Equals(name, rules.DefaultCategory, StringComparison.OrdinalIgnoreCase)
        || rules.CategoryNamed(name) is not null;

    private static string[] Tiers(SlaPolicy policy) =>
        [
            .. policy
                .Rules.SelectMany(rule => rule.Match.CustomerTiers ?? new HashSet<string>())
                .Append(ClassificationRules.VipTier)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal),
        ];
}
