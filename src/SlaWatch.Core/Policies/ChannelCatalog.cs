namespace SlaWatch.Core.Policies;

/// <summary>One configured channel: its key, its names in both languages, its kind and what else people call it
/// (a sheet's 渠道 column, a command's <c>--channel</c>).</summary>
public sealed record ChannelDefinition(
    Channel Channel,
    string NameZh,
    string NameEn,
    ChannelKind Kind,
    IReadOnlyList<string> Aliases
)
{
    /// <summary>Whose targets it has while no rule names it (WeChat answers in the chat targets).</summary>
    public Channel? TargetsAs { get; init; }
}

/// <summary>A channel as pages show it: its key, both names and its kind (<c>chat</c>, <c>mail</c>,
/// <c>phone</c>).</summary>
public sealed record ChannelLabel(string Key, string NameZh, string NameEn, string Kind);

/// <summary>
/// The channels a team has (the policy's <c>channels</c>, else <see cref="Default"/>), in the order reports and the
/// board list them. Text from people is read against it: a key, either name or an alias, case aside.
/// </summary>
public sealed class ChannelCatalog
{
    private readonly Dictionary<string, ChannelDefinition> _byText = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Channel, ChannelDefinition> _byChannel = [];

    public ChannelCatalog(IReadOnlyList<ChannelDefinition> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        All = channels;
        foreach (var definition in channels)
        {
            if (!_byChannel.TryAdd(definition.Channel, definition))
            {
                throw new ArgumentException($"channel '{definition.Channel}' is listed twice", nameof(channels));
            }

            foreach (var text in definition.Aliases.Prepend(definition.NameEn).Prepend(definition.NameZh))
            {
                _byText.TryAdd(text.Trim(), definition);
            }
        }

        // A key wins over another channel's alias.
        foreach (var definition in channels)
        {
            _byText[definition.Channel.Key] = definition;
        }

        Labels =
        [
            .. channels.Select(item => new ChannelLabel(
                item.Channel.Key,
                item.NameZh,
                item.NameEn,
                item.Kind.ToString().ToLowerInvariant()
            )),
        ];
        Known = string.Join(", ", channels.Select(item => $"{item.Channel.Key} ({item.NameZh})"));
    }

    /// <summary>The department's channels as the brief names them, with the names earlier versions accepted.</summary>
    public static ChannelCatalog Default { get; } =
        new([
            new(Channel.Chat, "官网客服", "Web chat", ChannelKind.Chat, ["webchat", "web chat", "在线客服", "在线"]),
            new(Channel.WeChat, "微信公众号", "WeChat Official Account", ChannelKind.Chat, ["微信", "公众号"])
            {
                TargetsAs = Channel.Chat,
            },
            new(Channel.WeCom, "企业微信", "WeCom", ChannelKind.Chat, ["微信客服", "企业微信客服", "wework"])
            {
                TargetsAs = Channel.Chat,
            },
            new(Channel.Phone, "电话热线", "Phone line", ChannelKind.Phone, ["call", "电话", "热线"]),
            new(Channel.Email, "邮件", "E-mail", ChannelKind.Mail, ["e-mail", "mail", "邮箱"]),
            new(Channel.Web, "官网留言", "Web form", ChannelKind.Mail, ["site", "official site", "官网"]),
            new(Channel.Other, "其他", "Other", ChannelKind.Mail, []),
        ]);

    public IReadOnlyList<ChannelDefinition> All { get; }

    /// <summary>The channels for a page, in order (made once: the board and the workbench send it on every
    /// read).</summary>
    public IReadOnlyList<ChannelLabel> Labels { get; }

    /// <summary>The channel a key, a name or an alias stands for, when it is one of ours.</summary>
    public bool TryParse(string? text, out Channel channel)
    {
        channel = default;
        return text is not null && TryParse(text.AsSpan(), out channel);
    }

    /// <summary>A channel named within a longer text (a reference's middle part), found without a copy.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out Channel channel)
    {
        channel = default;
        if (!_byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.Trim(), out var definition))
        {
            return false;
        }

        channel = definition.Channel;
        return true;
    }

    public ChannelDefinition? Find(Channel channel) => _byChannel.GetValueOrDefault(channel);

    /// <summary>A listed channel's kind; one no longer listed (a ticket from before a change) counts as mail.</summary>
    public ChannelKind KindOf(Channel channel) => Find(channel)?.Kind ?? ChannelKind.Mail;

    /// <summary>The channel's name in the language; a key no longer listed shows as it is.</summary>
    public string NameOf(Channel channel, bool chinese) =>
        Find(channel) is { } definition ? (chinese ? definition.NameZh : definition.NameEn) : channel.Key;

    /// <summary>What an error message offers: <c>chat (官网客服), phone (电话热线), …</c>.</summary>
    public string Known { get; }
}
