namespace SlaWatch.Channels;

/// <summary>An account a channel receives for (a WeChat Official Account, a WeCom corp): the name its route
/// carries and what is wrong with its settings.</summary>
public interface IChannelAccount
{
    string Name { get; }

    /// <summary>What is wrong with the settings, naming the field; null when the account can receive.</summary>
    string? Problem();
}

/// <summary>
/// The accounts of one kind configured (<c>WeChat__Accounts__{name}__…</c>, <c>WeCom__Accounts__{name}__…</c>), by
/// the name their route carries. A wrong setting stops the host, naming it.
/// </summary>
public sealed class ChannelAccounts<TAccount>
    where TAccount : IChannelAccount
{
    private readonly Dictionary<string, TAccount> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ChannelAccounts(string setting, IEnumerable<TAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            if (account.Problem() is { } problem)
            {
                throw new InvalidOperationException($"{setting}__Accounts__{account.Name}: {problem}");
            }

            _byName[account.Name] = account;
        }
    }

    public TAccount? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<TAccount> All => _byName.Values;
}
