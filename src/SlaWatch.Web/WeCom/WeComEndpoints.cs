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
/// (<c>kf_msg_or_event</c>), which are then pulled (<see cref="WeComSync"/>) and answered <c>success</c>. When WeCom's
/// API cannot be reached the answer is 503, so WeCom calls again and the pull goes on from the saved cursor. What
/// fails authentication is recorded by size and hash; a callback that is ours but not one is kept whole.
/// </summary>
public sealed class WeComEndpoints(
    ChannelAccounts<WeComAccount> accounts,
    WeComSync sync,
    InboundRefusals refusals,
    TimeProvider time
)
{
    private const string Channel = "wecom";

    public IResult Check(HttpRequest request, string account)
    {
        if (accounts.Find(account) is not { } found)
        {
            return InboundRefusals.NoAccount("WeCom", account);
        }

        var (echo, refusal) = WeComEnvelope.Check(found, InboundRefusals.Query(request), time.GetUtcNow());
        return echo is null
            ? Refusal.Problem(StatusCodes.Status401Unauthorized, refusal!)
            : TypedResults.Text(echo, "text/plain; charset=utf-8");
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accounts.Find(account) is not { } found)
        {
            return InboundRefusals.NoAccount("WeCom", account);
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
            return TypedResults.Text("success", "text/plain; charset=utf-8");
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

        try
        {
            await sync.PullAsync(found, fields.GetValueOrDefault("Token"), openKfId, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception error) when (error is WeComApiException or HttpRequestException or TaskCanceledException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return Refusal.Problem(StatusCodes.Status503ServiceUnavailable, $"WeCom API: {error.Message}");
        }

        return TypedResults.Text("success", "text/plain; charset=utf-8");
    }
}
