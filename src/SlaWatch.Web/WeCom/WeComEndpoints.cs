using System.Text;
using Microsoft.AspNetCore.Http;
using SlaWatch.Channels;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Channels.WeCom;
using SlaWatch.Web.Inbound;

namespace SlaWatch.Web.WeCom;

/// <summary>
/// A WeCom corp's callback address, <c>/api/wecom/{account}</c>: GET is WeCom's address check (the
/// <c>echostr</c> unsealed and answered); POST says a customer-service account has new messages or events
/// (<c>kf_msg_or_event</c>), which sets a pull going (<see cref="IWeComPull"/>: queued on Azure, made at once on
/// <c>serve</c>) and is answered <c>success</c>. What
/// fails authentication is recorded by size and hash; a callback that is ours but not one is kept whole.
/// </summary>
public sealed class WeComEndpoints(
    ChannelAccounts<WeComAccount> accounts,
    IWeComPull pull,
    InboundPushes refusals,
    TimeProvider time
)
{
    private const string Channel = "wecom";

    public IResult Check(HttpRequest request, string account)
    {
        if (accounts.Find(account) is not { } found)
        {
            return InboundPushes.NoAccount("WeCom", account);
        }

        return InboundPushes.Echo(WeComEnvelope.Check(found, InboundPushes.Query(request), time.GetUtcNow()));
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accounts.Find(account) is not { } found)
        {
            return InboundPushes.NoAccount("WeCom", account);
        }

        var now = time.GetUtcNow();
        var origin = $"wecom {found.Name}";
        var (opened, refused) = await refusals
            .OpenAsync(
                request,
                WeComEnvelope.MaxBodyBytes,
                (body, query) => WeComEnvelope.Open(found, query, body, now),
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

        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Read(xml);
        }
        catch (ChatFormatException error)
        {
            return await refusals
                .RefuseAsync(Channel, 400, error.Message, Encoding.UTF8.GetString(xml), origin, now, cancellationToken)
                .ConfigureAwait(false);
        }

        if (fields.GetValueOrDefault("Event") != "kf_msg_or_event")
        {
            // Account-authorisation and other corp events say nothing about conversations.
            return InboundPushes.Success;
        }

        if (fields.GetValueOrDefault("OpenKfId") is not { Length: > 0 } openKfId)
        {
            return await refusals
                .RefuseAsync(
                    Channel,
                    400,
                    "OpenKfId: missing",
                    Encoding.UTF8.GetString(xml),
                    origin,
                    now,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        return await pull.PullAsync(
                found,
                xml,
                fields.GetValueOrDefault("Token"),
                openKfId,
                origin,
                now,
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
