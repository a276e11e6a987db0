using SlaWatch.Core.Configuration;

namespace SlaWatch.Core.Policies;

/// <summary>
/// The policy's <c>channels</c> (docs/sla-policy.md): the team's channels with their names and kinds, and, for a
/// channel no rule names, the rules of the channel its <c>targetsAs</c> names (WeChat answers in the chat targets).
/// </summary>
internal static class ChannelCatalogLoader
{
    private static readonly Dictionary<string, ChannelKind> Kinds = new(StringComparer.Ordinal)
    {
        ["chat"] = ChannelKind.Chat,
        ["mail"] = ChannelKind.Mail,
        ["phone"] = ChannelKind.Phone,
    };

    public static ChannelCatalog Catalog(JsonNodeReader? node)
    {
        if (node is not { } list)
        {
            return ChannelCatalog.Default;
        }

        var channels = new List<ChannelDefinition>();
        foreach (var item in list.Items())
        {
            item.RequireObject("key", "nameZh", "nameEn", "kind", "aliases", "targetsAs");
            var keyNode = item.Required("key");
            var channel = Key(keyNode);

            if (channels.Any(other => other.Channel == channel))
            {
                throw keyNode.Error($"channel '{channel}' is listed twice");
            }

            var kindNode = item.Required("kind");
            if (!Kinds.TryGetValue(kindNode.String(), out var kind))
            {
                throw kindNode.Error("a channel's kind is chat, mail or phone");
            }

            var aliases = item.Optional("aliases")?.Items().Select(alias => alias.String()).ToList() ?? [];
            channels.Add(
                new ChannelDefinition(
                    channel,
                    item.Required("nameZh").String().Trim(),
                    item.Required("nameEn").String().Trim(),
                    kind,
                    aliases
                )
                {
                    TargetsAs = item.Optional("targetsAs") is { } targetsAs ? Key(targetsAs) : null,
                }
            );
        }

        foreach (var targetsAs in list.Items().Select(item => item.Optional("targetsAs")).OfType<JsonNodeReader>())
        {
            if (channels.All(other => other.Channel.Key != targetsAs.String()))
            {
                throw targetsAs.Error($"'{targetsAs.String()}' is not one of the channels listed");
            }
        }

        return channels.Count > 0 ? new ChannelCatalog(channels) : throw list.Error("list at least one channel");
    }

    /// <summary>Each channel no rule names joins the rules that name the channel its <c>targetsAs</c> names.</summary>
    public static IReadOnlyList<SlaRule> WithUnnamedChannels(IReadOnlyList<SlaRule> rules, ChannelCatalog catalog)
    {
        var named = rules.SelectMany(rule => rule.Match.Channels ?? Enumerable.Empty<Channel>()).ToHashSet();
        var joining = new Dictionary<Channel, List<Channel>>();
        foreach (var definition in catalog.All.Where(item => !named.Contains(item.Channel)))
        {
            if (definition.TargetsAs is { } model)
            {
                (joining.TryGetValue(model, out var list) ? list : joining[model] = []).Add(definition.Channel);
            }
        }

        return joining.Count == 0
            ? rules
            :
            [
                .. rules.Select(rule =>
                    rule.Match.Channels is { } channels && channels.Any(joining.ContainsKey)
                        ? rule with
                        {
                            Match = rule.Match with
                            {
                                Channels = channels
                                    .Concat(channels.Where(joining.ContainsKey).SelectMany(model => joining[model]))
                                    .ToHashSet(),
                            },
                        }
                        : rule
                ),
            ];
    }

    private static Channel Key(JsonNodeReader node) =>
        Channel.TryFromKey(node.String(), out var channel) && node.String() == channel.Key
            ? channel
            : throw node.Error("a channel key is lower-case letters, digits and '-', starting with a letter");
}
