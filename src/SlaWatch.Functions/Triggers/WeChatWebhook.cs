using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Web.WeChat;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// An Official Account's server address, GET and POST <c>/api/wechat/{account}</c> (<see cref="WeChatEndpoints"/>).
/// Anonymous at the function level: WeChat signs every request with the account's token, and cannot send a key.
/// </summary>
public sealed class WeChatWebhook(WeChatEndpoints wechat)
{
    [Function("WeChatCheck")]
    public IResult Check(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "wechat/{account}")] HttpRequest request,
        string account
    ) => wechat.Check(request, account);

    [Function("WeChatMessage")]
    public Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "wechat/{account}")] HttpRequest request,
        string account,
        CancellationToken cancellationToken
    ) => wechat.ReceiveAsync(request, account, cancellationToken);
}
