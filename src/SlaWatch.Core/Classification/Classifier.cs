using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Classification;

public sealed record Classification(Priority Priority, string Category, string? CustomerTier);

/// <summary>Applies <see cref="ClassificationRules"/> to a contact's words, channel and customer.</summary>
public sealed class Classifier(ClassificationRules rules)
{
    private readonly RuleKeywords<string> _categories = new(rules.Categories.Select(rule => (rule.Keywords, rule.Key)));
    private readonly RuleKeywords<Priority> _priorities = new(
        rules.Priorities.Select(rule => (rule.Keywords, rule.Priority))
    );

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
            ?? (_categories.TryFirst(words, out var mentioned) ? mentioned : Rules.DefaultCategory);
        var priority = priorityHint
            ?? (
                _priorities.TryFirst(words, out var level)
                    ? level
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
}
