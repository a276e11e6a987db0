using Microsoft.AspNetCore.Http;
using SlaWatch.Channels.WeCom;

namespace SlaWatch.Web.WeCom;

/// <summary>
/// What a WeCom callback saying "new messages" sets going, and what WeCom is answered: on Azure a pull put on the
/// inbound queue (WeCom waits 5 s at most, a backlog takes longer); on a developer's machine the pull itself
/// (<see cref="WeComPullNow"/>).
/// </summary>
public interface IWeComPull
{
    Task<IResult> PullAsync(
        WeComAccount account,
        byte[] callback,
        string? callbackToken,
        string openKfId,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    );
}
