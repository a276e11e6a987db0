using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.WeChat;
using SlaWatch.Core.Ports;

namespace SlaWatch.Web.Inbound;

/// <summary>
/// What WeChat's and WeCom's addresses share: a push read, opened and answered — <c>success</c>, the address check's
/// echo, or a refusal kept in quarantine (whole when it is ours but unusable; by size and hash when it failed
/// authentication — the caller says which by what it passes as raw), logged, with the reason and the quarantine id.
/// </summary>
public sealed partial class InboundPushes(IQuarantine quarantine, ILogger<InboundPushes> logger)
{
    public async Task<IResult> RefuseAsync(
        string channel,
        int status,
        string reason,
        string raw,
        string origin,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var id = await quarantine
            .PutAsync(new QuarantinedInput(channel, now, origin, reason, raw), cancellationToken)
            .ConfigureAwait(false);
        Log.Refused(logger, origin, status, reason, id);
        return Refusal.Problem(status, reason, id);
    }

    /// <summary>
    /// A platform's push read (up to <paramref name="maxBytes"/>) and opened by <paramref name="open"/>: the message,
    /// or the refusal answered. Only a body that is the account's but not a message (400) is kept whole; one that
    /// failed authentication or was too large is recorded by size and hash.
    /// </summary>
    public async Task<(byte[]? Message, IResult? Refused)> OpenAsync(
        HttpRequest request,
        int maxBytes,
        Func<byte[], Dictionary<string, string>, WeChatOpened> open,
        string channel,
        string origin,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(open);
        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        var opened = body.TooLarge
            ? new WeChatOpened(null, StatusCodes.Status413PayloadTooLarge, $"body: {body.Description}")
            : open(body.Bytes, Query(request));
        if (opened.Xml is { } message)
        {
            return (message, null);
        }

        var raw =
            opened.Status == StatusCodes.Status400BadRequest ? Encoding.UTF8.GetString(body.Bytes) : body.Description;
        return (
            null,
            await RefuseAsync(channel, opened.Status, opened.Refusal!, raw, origin, now, cancellationToken)
                .ConfigureAwait(false)
        );
    }

    /// <summary>What a platform is answered when its push is taken.</summary>
    public static IResult Success => TypedResults.Text("success", "text/plain; charset=utf-8");

    /// <summary>The answer to an address check: the echo when the check held, else 401 with why.</summary>
    public static IResult Echo((string? Echo, string? Refusal) check) =>
        check.Echo is { } echo
            ? TypedResults.Text(echo, "text/plain; charset=utf-8")
            : Refusal.Problem(StatusCodes.Status401Unauthorized, check.Refusal!);

    /// <summary>A route naming an account that is not configured.</summary>
    public static IResult NoAccount(string platform, string account) =>
        Refusal.Problem(
            StatusCodes.Status404NotFound,
            $"account: no {platform} account '{Refusal.Echo(account)}' is configured"
        );

    /// <summary>The query string as the envelopes read it.</summary>
    public static Dictionary<string, string> Query(HttpRequest request) =>
        request?.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal) ?? [];

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Push refused ({Origin}): {Status} {Reason}; quarantine {QuarantineId}"
        )]
        public static partial void Refused(
            ILogger logger,
            string origin,
            int status,
            string reason,
            string quarantineId
        );
    }
}
