using System.Text;
using SlaWatch.TestSupport;

namespace SlaWatch.Replay.Tests;

/// <summary>
/// Ten tickets on Monday 2026-11-16 (Shanghai), written as recorded input, whose figures under the shipped policy were
/// worked out by hand (see <see cref="ReplayScenarioTests"/>): four e-mails, three chats, three calls.
/// </summary>
internal static class TenTickets
{
    public static string Write()
    {
        var directory = TestFolders.Create("slawatch-ten-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "email"));
        Directory.CreateDirectory(Path.Combine(directory, "chat"));
        Directory.CreateDirectory(Path.Combine(directory, "phone"));

        Mail(directory, "e1", "09:00", "请问怎么修改收货地址");
        Mail(directory, "e2", "09:00", "请问如何开具发票");
        Mail(directory, "e3", "09:00", "App 无法登录");
        Mail(directory, "e4", "09:30", "请问怎么取消订单");

        File.WriteAllLines(
            Path.Combine(directory, "chat", "webhooks.jsonl"),
            [
                Chat("14:00", "conversation.opened", "c1", "customer", "请问怎么导出账单"),
                Chat("14:03", "message.created", "c1", "agent", "您好，在账单页点击导出。", "c1-r1"),
                Chat("14:10", "conversation.resolved", "c1", "agent"),
                Chat("14:00", "conversation.opened", "c2", "customer", "请问积分在哪里看"),
                Chat("14:08", "message.created", "c2", "agent", "在我的-积分。", "c2-r1"),
                Chat("15:00", "conversation.resolved", "c2", "agent"),
                Chat("20:00", "conversation.opened", "c3", "customer", "你好，在吗"),
            ]
        );

        File.WriteAllLines(
            Path.Combine(directory, "phone", "calls.csv"),
            [
                Call("13900000001", "10:00:00", "10:00:10", "10:05:00", "ANSWERED", "p1"),
                Call("13900000002", "11:00:00", "11:00:20", "11:06:00", "ANSWERED", "p2"),
                Call("13900000003", "15:00:00", string.Empty, "15:00:25", "NO ANSWER", "p3"),
            ]
        );

        File.WriteAllLines(
            Path.Combine(directory, "events.jsonl"),
            [
                Event("source:email:e1@customer.example", "acknowledged", "09:20"),
                Event("source:email:e1@customer.example", "agentResponse", "10:00"),
                Event("source:email:e1@customer.example", "status", "11:00", "\"status\":\"resolved\""),
                Event("source:email:e2@customer.example", "agentResponse", "10:20"),
                Event("source:email:e2@customer.example", "acknowledged", "10:30"),
                Event("source:email:e2@customer.example", "status", "12:00", "\"status\":\"resolved\""),
                Event("source:email:e4@customer.example", "acknowledged", "09:40"),
                Event("source:email:e4@customer.example", "agentResponse", "10:00"),
                Event("source:email:e4@customer.example", "status", "10:30", "\"status\":\"resolved\""),
                Event("source:email:e4@customer.example", "customerConfirmed", "12:00", "\"outcome\":\"notResolved\""),
                Event("source:email:e4@customer.example", "agentResponse", "13:00"),
                Event("source:email:e4@customer.example", "status", "14:00", "\"status\":\"resolved\""),
                Event("source:phone:call:p1", "status", "10:05:30", "\"status\":\"resolved\""),
                Event("source:phone:call:p2", "status", "11:10", "\"status\":\"resolved\""),
                Event("source:phone:call:p3", "agentResponse", "15:30"),
                Event("source:phone:call:p3", "status", "16:00", "\"status\":\"resolved\""),
            ]
        );
        return directory;
    }

    private static void Mail(string directory, string id, string time, string subject)
    {
        var mail = $"""
            Received: from mx.customer.example by mail.slawatch.example; Mon, 16 Nov 2026 {time}:00 +0800
            From: Customer {id} <{id}@customer.example>
            To: support@slawatch.example
            Subject: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=
            Date: Mon, 16 Nov 2026 {time}:00 +0800
            Message-ID: <{id}@customer.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            {subject}
            """;
        File.WriteAllText(Path.Combine(directory, "email", id + ".eml"), mail.ReplaceLineEndings("\r\n"));
    }

    private static string Chat(
        string time,
        string kind,
        string conversation,
        string role,
        string? text = null,
        string? messageId = null
    ) =>
        $"{{\"receivedAt\":\"2026-11-16T{time}:00+08:00\",\"format\":\"generic\",\"body\":{{\"event\":\"{kind}\","
        + $"\"conversationId\":\"{conversation}\",\"messageId\":\"{messageId ?? conversation + "-0"}\",\"at\":"
        + $"\"2026-11-16T{time}:00+08:00\",\"sender\":{{\"role\":\"{role}\",\"id\":"
        + $"\"{(role == "agent" ? "客服A" : conversation + "-customer")}\"}}"
        + $"{(text is null ? string.Empty : $",\"text\":\"{text}\"")}}}}}";

    private static string Call(string caller, string start, string answer, string end, string disposition, string id) =>
        $"\"\",\"{caller}\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\","
        + $"\"{(answer.Length > 0 ? "SIP/1001-1" : string.Empty)}\",\"Dial\",\"SIP/queue,20\",\"2026-11-16 "
        + $"{start}\",\"{(answer.Length > 0 ? "2026-11-16 " + answer : string.Empty)}\",\"2026-11-16 {end}\",25,0,"
        + $"\"{disposition}\",\"DOCUMENTATION\",\"{id}\",\"\"";

    private static string Event(string ticket, string kind, string time, string extra = "") =>
        $"{{\"type\":\"event\",\"ticket\":\"{ticket}\",\"kind\":\"{kind}\",\"at\":"
        + $"\"2026-11-16T{(time.Length == 5 ? time + ":00" : time)}+08:00\",\"actor\":"
        + $"\"客服A\"{(extra.Length > 0 ? "," + extra : string.Empty)}}}";
}
