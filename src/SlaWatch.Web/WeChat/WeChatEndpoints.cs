using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Web.Inbound;

namespace SlaWatch.Web.WeChat;

/// <summary>
/// An Official Account's server address, <c>/api/wechat/{account}</c>: GET is the platform's address check (the
/// <c>echostr</c> back when signed with the account's token); POST a follower's message, opened (<see
/// cref="WeChatEnvelope"/>), mapped and ingested, answered <c>success</c> (WeChat wants an answer within 5 s and
/// retries otherwise; a retry of the same message is one message). What fails authentication is recorded by size
/// and hash; a message that cannot be used is kept whole.
/// </summary>
public sealed partial class WeChatEndpoints(
    ChannelAccounts<WeChatAccount> accounts,
    IngestionService ingestion,
    InboundRefusals refusals,
    TimeProvider time,
    ILogger<WeChatEndpoints> logger
)
{
    private const string Channel = "wechat";

    public IResult Check(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accounts.Find(account) is not { } found)
        {
            return InboundRefusals.NoAccount("WeChat", account);
        }

        var (echo, refusal) = WeChatEnvelope.Check(found, InboundRefusals.Query(request), time.GetUtcNow());
        return echo is null
            ? Refusal.Problem(StatusCodes.Status401Unauthorized, refusal!)
            : TypedResults.Text(echo, "text/plain; charset=utf-8");
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accounts.Find(account) is not { } found)
        {
            return InboundRefusals.NoAccount("WeChat", account);
        }

        var now = time.GetUtcNow();
        var origin = $"wechat {found.Name}";
        var body = await RequestBody
            .ReadAsync(request, WeChatEnvelope.MaxBodyBytes, cancellationToken)
            .ConfigureAwait(false);
        var opened = body.TooLarge
            ? new WeChatOpened(null, StatusCodes.Status413PayloadTooLarge, $"body: {body.Description}")
            : WeChatEnvelope.Open(found, InboundRefusals.Query(request), body.Bytes, now);
        if (opened.Xml is not { } xml)
        {
            // Only a body that is the account's but not a message is kept whole; the rest by size and hash.
            var raw =
                opened.Status == StatusCodes.Status400BadRequest
                    ? Encoding.UTF8.GetString(body.Bytes)
                    : body.Description;
            return await refusals
                .RefuseAsync(Channel, opened.Status, opened.Refusal!, raw, origin, now, cancellationToken)
                .ConfigureAwait(false);
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

        if (action is ChatContact contact)
        {
            var ingested = await ingestion
                .IngestAsync(contact.Contact, origin, Encoding.UTF8.GetString(xml), cancellationToken)
                .ConfigureAwait(false);
            if (ingested.Outcome == IngestOutcome.Rejected)
            {
                return Refusal.Problem(StatusCodes.Status400BadRequest, ingested.Reason!, ingested.QuarantineId);
            }

            Log.Taken(logger, found.Name, ingested.Word);
        }

        return TypedResults.Text("success", "text/plain; charset=utf-8");
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "WeChat {Account}: {Outcome}")]
        public static partial void Taken(ILogger logger, string account, string outcome);
    }
}
