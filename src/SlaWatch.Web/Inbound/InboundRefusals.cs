using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Ports;

namespace SlaWatch.Web.Inbound;

/// <summary>
/// How a platform's push is refused: kept in quarantine (whole when it is ours but unusable; by size and hash when it
/// failed authentication — the caller says which by what it passes as raw), logged, and answered with the reason and
/// the quarantine id.
/// </summary>
public sealed partial class InboundRefusals(IQuarantine quarantine, ILogger<InboundRefusals> logger)
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
