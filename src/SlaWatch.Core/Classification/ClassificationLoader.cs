using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Classification;

/// <summary>Reads <c>config/classification.json</c>; problems name the file, the JSON path and what is wrong.</summary>
public static class ClassificationLoader
{
    /// <summary>The rules in a file; <paramref name="channels"/> are the policy's, the default ones when
    /// none.</summary>
    public static ClassificationRules Load(
        string file,
        ConfigFileReader? reader = null,
        ChannelCatalog? channels = null
    ) => Parse(file, ConfigFiles.Read(file, reader), channels);

    public static ClassificationRules Parse(string file, string text, ChannelCatalog? channels = null)
    {
        var root = JsonNodeReader
            .Parse(file, text)
            .RequireObject("description", "categories", "defaultCategory", "priorities", "channelDefaults", "vip");
        var categories = new List<CategoryRule>();
        foreach (var node in root.Required("categories").Items())
        {
            node.RequireObject("key", "zh", "en", "keywords");
            var key = node.Required("key").String();
            if (categories.Any(other => string.Equals(other.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw node.Required("key").Error($"category '{key}' is defined twice");
            }

            categories.Add(
                new CategoryRule(
                    key,
                    node.Optional("zh")?.String() ?? key,
                    node.Optional("en")?.String() ?? key,
                    Keywords(node.Required("keywords"))
                )
            );
        }

        var defaultCategory = root.Optional("defaultCategory")?.String() ?? "other";
        var priorities = new List<PriorityRule>();
        foreach (var node in root.Optional("priorities")?.Items() ?? [])
        {
            node.RequireObject("priority", "keywords");
            priorities.Add(
                new PriorityRule(PriorityOf(node.Required("priority")), Keywords(node.Required("keywords")))
            );
        }

        var channelDefaults = new Dictionary<Channel, Priority>();
        foreach (var node in root.Optional("channelDefaults")?.Properties() ?? [])
        {
            var known = channels ?? ChannelCatalog.Default;
            if (!known.TryParse(node.Name, out var channel))
            {
                throw node.Error($"'{node.Name}' is not a channel; use {known.Known}");
            }

            channelDefaults[channel] = PriorityOf(node);
        }

        var vipKeys = new HashSet<string>(StringComparer.Ordinal);
        var vipMinimum = Priority.High;
        if (root.Optional("vip") is { } vip)
        {
            vip.RequireObject("contacts", "customerKeys", "minimumPriority");
            foreach (var contact in vip.Optional("contacts")?.Items() ?? [])
            {
                vipKeys.Add(CustomerRef.FromContact(contact.String()).Key);
            }

            foreach (var key in vip.Optional("customerKeys")?.Items() ?? [])
            {
                vipKeys.Add(key.String());
            }

            vipMinimum = vip.Optional("minimumPriority") is { } minimum ? PriorityOf(minimum) : vipMinimum;
        }

        return new ClassificationRules(categories, defaultCategory, priorities, channelDefaults, vipKeys, vipMinimum);
    }

    private static List<string> Keywords(JsonNodeReader node)
    {
        var keywords = node.Items().Select(item => item.String()).ToList();
        return keywords.Count > 0 ? keywords : throw node.Error("list at least one keyword");
    }

    private static Priority PriorityOf(JsonNodeReader node)
    {
        var text = node.String();
        return PriorityNames.TryParse(text, out var priority)
            ? priority
            : throw node.Error($"'{text}' is not a priority; use {string.Join(", ", PriorityNames.Known)}");
    }
}
