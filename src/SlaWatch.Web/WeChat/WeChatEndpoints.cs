using System.Text;
using Microsoft.AspNetCore.Http;
using SlaWatch.Channels;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Web.Inbound;

namespace SlaWatch.Web.WeChat;

/// <summary>
/// An Official Account's server address, <c>/api/wechat/{account}</c>: GET is the platform's address check (the
/// <c>echostr</c> back when signed with the account's token); POST a follower's message, opened (<see
/// cref="WeChatEnvelope"/>), mapped, handed on (<see cref="IWeChatDelivery"/>) and answered <c>success</c> (WeChat
/// wants an answer within 5 s and retries otherwise; a retry of the same message is one message). What fails
/// authentication is recorded by size and hash; a message that cannot be used is kept whole.
/// </summary>
public sealed class WeChatEndpoints(
    ChannelAccounts<WeChatAccount> accounts,
    IWeChatDelivery delivery,
    InboundPushes refusals,
    TimeProvider time
)
{
    private const string Channel = "wechat";

    public IResult Check(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accounts.Find(account) is not { } found)
        {
            return InboundPushes.NoAccount("WeChat", account);
        }

        return InboundPushes.Echo(WeChatEnvelope.Check(found, InboundPushes.Query(request), time.GetUtcNow()));
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accounts.Find(account) is not { } found)
        {
            return InboundPushes.NoAccount("WeChat", account);
        }

        var now = time.GetUtcNow();
        var origin = $"wechat {found.Name}";
        var (opened, refused) = await refusals
            .OpenAsync(
                request,
                WeChatEnvelope.MaxBodyBytes,
                (body, query) => WeChatEnvelope.Open(found, query, body, now),
                Channel,
                origin,
                now,
                cancellationToken
            )
            .ConfigureAwait(false);
        if (opened is not { } xml)
        {
            return refused!;
        }

        ChatAction action;
        try
        {
            action = WeChatFormat.Map(found, WeChatXml.Read(xml), now);
        }
        catch (ChatFormatException error)
        {
            return await refusals
                .RefuseAsync(Channel, 400, error.Message, Encoding.UTF8.GetString(xml), origin, now, cancellationToken)
                .ConfigureAwait(false);
        }

        return action is ChatContact or ChatTicketEvent
            ? await delivery.DeliverAsync(found, action, xml, origin, now, cancellationToken).ConfigureAwait(false)
            : InboundPushes.Success;
    }
}
