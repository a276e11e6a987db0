namespace SlaWatch.Channels.WeChat;

/// <summary>
/// The Official Accounts configured (<c>WeChat__Accounts__{name}__Token</c>, <c>__EncodingAesKey</c>,
/// <c>__AppId</c>), by the name their route carries. A wrong setting stops the host naming it.
/// </summary>
public sealed class WeChatAccounts
{
    public const string Section = "WeChat:Accounts";

    private readonly Dictionary<string, WeChatAccount> _byName = new(StringComparer.OrdinalIgnoreCase);

    public WeChatAccounts(IEnumerable<WeChatAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            if (account.Problem() is { } problem)
            {
                throw new InvalidOperationException($"WeChat__Accounts__{account.Name}: {problem}");
            }

            _byName[account.Name] = account;
        }
    }

    public WeChatAccount? Find(string name) => _byName.GetValueOrDefault(name);
}
