using System.Buffers;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Classification;

public sealed record Classification(Priority Priority, string Category, string? CustomerTier);

/// <summary>Applies <see cref="ClassificationRules"/> to a contact's words, channel and customer.</summary>
public sealed class Classifier(ClassificationRules rules)
{
    // Each rule's keywords searched for together, in one pass over the words, as every contact is classified.
    private readonly (SearchValues<string> Keywords, string Value)[] _categories =
    [
        .. rules.Categories.Select(rule => (Keywords(rule.Keywords), rule.Key)),
    ];
    private readonly (SearchValues<string> Keywords, Priority Value)[] _priorities =
    [
        .. rules.Priorities.Select(rule => (Keywords(rule.Keywords), rule.Priority)),
    ];

    public ClassificationRules Rules { get; } = rules;

    public Classification Classify(
        Channel channel,
        string? subject,
        string? text,
        CustomerRef customer,
        Priority? priorityHint = null,
        string? categoryHint = null,
        string? tierHint = null
    )
    {
        var words = $"{subject}\n{text}";
        var category = categoryHint
            ?? (Mentioned(_categories, words) is var rule and >= 0 ? _categories[rule].Value : Rules.DefaultCategory);
        var priority = priorityHint
            ?? (
                Mentioned(_priorities, words) is var level and >= 0
                    ? _priorities[level].Value
                    : Rules.ChannelDefaults.GetValueOrDefault(channel, Priority.Normal)
            );
        var tier = tierHint ?? (Rules.VipCustomerKeys.Contains(customer.Key) ? ClassificationRules.VipTier : null);
        if (
            string.Equals(tier, ClassificationRules.VipTier, StringComparison.OrdinalIgnoreCase)
            && priorityHint is null
            && priority > Rules.VipMinimumPriority
        )
        {
            // Priorities are ordered from most to least pressing, so a larger value is less urgent.
            priority = Rules.VipMinimumPriority;
        }

        return new Classification(priority, category, tier);
    }

    private static SearchValues<string> Keywords(IReadOnlyList<string> keywords) =>
        SearchValues.Create([.. keywords], StringComparison.OrdinalIgnoreCase);

    /// <summary>The first rule whose keywords the words mention; -1 when none does.</summary>
    private static int Mentioned<T>((SearchValues<string> Keywords, T Value)[] rules, string words)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            if (words.AsSpan().ContainsAny(rules[i].Keywords))
            {
                return i;
            }
        }

        return -1;
    }
}
