using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.Functions.Tests;

/// <summary>Bodies in the generic chat format, and their signature computed here from the format's
/// definition.</summary>
internal static class ChatBodies
{
    public static string Opened(
        string conversation,
        string text,
        string at = "2026-11-16T09:29:50+08:00",
        string contact = "13912341522"
    ) =>
        $$"""{"event":"conversation.opened","conversationId":"{{conversation}}","messageId":"{{conversation}}-0","a"""
        + $$"""t":"{{at}}","sender":{"role":"customer","id":"c-1","contact":"{{contact}}"},"text":"{{text}}"}""";

    public static string CustomerMessage(string conversation, string id, string text, string at) =>
        $$"""{"event":"message.created","conversationId":"{{conversation}}","messageId":"{{id}}","at":"{{at}}","send"""
        + $$"""er":{"role":"customer","id":"c-1","contact":"13912341522"},"text":"{{text}}"}""";

    public static string AgentMessage(string conversation, string id, string text, string at) =>
        $$"""{"event":"message.created","conversationId":"{{conversation}}","messageId":"{{id}}","at":"{{at}}","send"""
        + $$"""er":{"role":"agent","id":"a-7","name":"客服A"},"text":"{{text}}"}""";

    public static string Resolved(string conversation, string at) =>
        $$"""{"event":"conversation.resolved","conversationId":"{{conversation}}","at":"{{at}}","sender":"""
        + $$"""{"role":"agent","id":"a-7","name":"客服A"},"text":"已重置密码"}""";

    /// <summary>
    /// The headers a sender puts on a body: HMAC-SHA256 with the secret over <c>{unix seconds}.{body}</c>, hex, as the
    /// README defines the generic format's signature.
    /// </summary>
    public static Dictionary<string, string> Signed(
        string body,
        DateTimeOffset at,
        string secret = FunctionApp.ChatSecret
    )
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"))
        );
        return new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["X-SlaWatch-Timestamp"] = timestamp,
            ["X-SlaWatch-Signature"] = "sha256=" + signature,
        };
    }
}
