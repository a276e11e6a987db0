using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Classification;

/// <summary>A category with the words that reveal it, and its names for reports.</summary>
public sealed record CategoryRule(string Key, string NameZh, string NameEn, IReadOnlyList<string> Keywords);

/// <summary>Words that set a priority ("无法登录" is urgent: a failure blocking use).</summary>
public sealed record PriorityRule(Priority Priority, IReadOnlyList<string> Keywords);

/// <summary>
/// How an incoming contact gets its category and priority: the first category and the first priority whose keyword
/// appears in the subject or text (ignoring case), else the defaults; VIP customers are raised to at least a
/// minimum priority and get the "vip" tier. Explicit hints on the contact win over keywords.
/// </summary>
public sealed record ClassificationRules(
    IReadOnlyList<CategoryRule> Categories,
    string DefaultCategory,
    IReadOnlyList<PriorityRule> Priorities,
    IReadOnlyDictionary<Channel, Priority> ChannelDefaults,
    IReadOnlySet<string> VipCustomerKeys,
    Priority VipMinimumPriority
)
{
    public const string VipTier = "vip";

    public static ClassificationRules Empty { get; } =
        new([], "other", [], new Dictionary<Channel, Priority>(), new HashSet<string>(), Priority.High);

    public CategoryRule? Category(string key) =>
        Categories.FirstOrDefault(rule => string.Equals(rule.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The category a person wrote, by its key or either of its names (case ignored).</summary>
    public CategoryRule? CategoryNamed(string? name) =>
        name is null
            ? null
            : Categories.FirstOrDefault(rule =>
                string.Equals(rule.Key, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(rule.NameZh, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(rule.NameEn, name, StringComparison.OrdinalIgnoreCase)
            );
}
