using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Web.WeCom;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// A WeCom corp's callback address, GET and POST <c>/api/wecom/{account}</c> (<see cref="WeComEndpoints"/>).
/// Anonymous at the function level: WeCom signs and seals every callback with the corp's token and key.
/// </summary>
public sealed class WeComWebhook(WeComEndpoints wecom)
{
    [Function("WeComCheck")]
    public IResult Check(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "wecom/{account}")] HttpRequest request,
        string account
    ) => wecom.Check(request, account);

    [Function("WeComCallback")]
    public Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "wecom/{account}")] HttpRequest request,
        string account,
        CancellationToken cancellationToken
    ) => wecom.ReceiveAsync(request, account, cancellationToken);
}
