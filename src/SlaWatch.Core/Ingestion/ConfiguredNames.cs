using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// The categories and customer tiers a person's input may name (an input line, an API call): the configured ones (a
/// category by its key or either of its names; a tier that a policy rule matches, or <c>vip</c>). Anything else would
/// become a dimension of every report, markup or a formula included, so it is refused with the list. Categories our
/// own channels set (a missed call's <c>callback</c>) are not input and are not checked.
/// </summary>
public static class ConfiguredNames
{
    public static string? Problem(InboundContact contact, ClassificationRules rules, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(policy);
        if (contact.Category is { } category && !IsCategory(category, rules))
        {
            var known = rules.Categories.Select(rule => rule.Key).Append(rules.DefaultCategory).Distinct(StringComparer.OrdinalIgnoreCase);
            return $"category: '{category}' is not a configured category; use {string.Join(", ", known)}";
        }

        var tiers = Tiers(policy);
        if (contact.CustomerTier is { } tier && !tiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
        {
            return $"tier: '{tier}' is not a configured tier; use {string.Join(", ", tiers)}";
        }

        return null;
    }

    private static bool IsCategory(string name, ClassificationRules rules) =>
        string.Equals(name, rules.DefaultCategory, StringComparison.OrdinalIgnoreCase)
        || rules.Categories.Any(rule => new[] { rule.Key, rule.NameZh, rule.NameEn }.Contains(name, StringComparer.OrdinalIgnoreCase));

    private static string[] Tiers(SlaPolicy policy) =>
        [.. policy.Rules.SelectMany(rule => rule.Match.CustomerTiers ?? new HashSet<string>()).Append(ClassificationRules.VipTier).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
