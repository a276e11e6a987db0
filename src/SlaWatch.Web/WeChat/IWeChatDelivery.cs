using Microsoft.AspNetCore.Http;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;

namespace SlaWatch.Web.WeChat;

/// <summary>
/// Where an opened, usable WeChat message (a follower's contact, or a session event on their ticket) goes, and what
/// WeChat is answered: on Azure, onto the inbound queue at once
/// (WeChat waits 5 s at most); on a developer's machine, straight into the tickets (<see cref="WeChatIngestNow"/>).
/// </summary>
public interface IWeChatDelivery
{
    Task<IResult> DeliverAsync(
        WeChatAccount account,
        ChatAction action,
        byte[] xml,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    );
}
