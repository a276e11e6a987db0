using System.Globalization;

namespace SlaWatch.Channels.Phone;

/// <summary>
/// Reads Asterisk's <c>queue_log</c> (<c>time|callid|queue|agent|event|data…</c>, time as Unix seconds or a local
/// <c>YYYY-MM-DD HH:MM:SS</c>), the record contact centres measure answer speed from: a call arrives at ENTERQUEUE
/// (which is when it reached the agents: the menu before it is not ringing), is answered at CONNECT by the agent
/// named there, and otherwise ends at ABANDON, EXITWITHTIMEOUT, EXITWITHKEY or EXITEMPTY. Queue-wide lines (callid
/// NONE: QUEUESTART, ADDMEMBER, PAUSE…) and RINGNOANSWER (one agent's phone not picked up) start no call. The
/// callid is the caller channel's uniqueid, as in the CDR, so a call read from both is one ticket. A line that
/// cannot be read, or a call whose outcome the log does not hold yet, comes back as an error naming its line.
/// </summary>
public static class QueueLogReader
{
    private static readonly HashSet<string> Ends = new(StringComparer.Ordinal)
    {
        "COMPLETEAGENT",
        "COMPLETECALLER",
        "TRANSFER",
        "BLINDTRANSFER",
        "ATTENDEDTRANSFER",
    };

    /// <summary>How a caller leaves a queue without an agent.</summary>
    private static readonly HashSet<string> Exits = new(StringComparer.Ordinal)
    {
        "ABANDON",
        "EXITWITHTIMEOUT",
        "EXITWITHKEY",
        "EXITEMPTY",
    };

    /// <summary>Whether a log's first line looks like a queue_log line (a time, a pipe, a call id, a pipe).</summary>
    public static bool LooksLikeQueueLog(string firstLine)
    {
        var fields = firstLine.Split('|');
        return fields.Length >= 5
            && fields[0].Length > 0
            && (
                long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                || fields[0].Contains('-')
            )
            && fields[4].Length > 0
            && fields[4].All(c => char.IsAsciiLetterUpper(c) || c == '_');
    }

    public static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) Read(
        string text,
        TimeZoneInfo zone
    )
    {
        ArgumentNullException.ThrowIfNull(text);
        var calls = new Dictionary<string, Call>(StringComparer.Ordinal);
        var errors = new List<CallRowError>();
        var number = 0;
        foreach (var line in text.TrimStart('\uFEFF').Split('\n'))
        {
            number++;
            var raw = line.TrimEnd('\r');
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var fields = raw.Split('|');
            if (fields.Length < 5)
            {
                errors.Add(new CallRowError(number, "event", "a queue_log line has at least 5 fields", raw));
                continue;
            }

            var (at, unread) = Time(fields[0], zone);
            if (unread is not null)
            {
                errors.Add(new CallRowError(number, unread.Column, unread.Message, raw));
                continue;
            }

            var (callId, queue, agent, kind) = (fields[1], fields[2], fields[3], fields[4]);
            if (callId is "NONE" or "" || kind == "RINGNOANSWER")
            {
                continue;
            }

            if (kind == "ENTERQUEUE")
            {
                if (calls.TryAdd(callId, new Call(number, at, queue, Data(fields, 1))))
                {
                    calls[callId].Lines.Add(raw);
                }

                continue;
            }

            if (!calls.TryGetValue(callId, out var call))
            {
                if (kind == "CONNECT" || Exits.Contains(kind))
                {
                    errors.Add(
                        new CallRowError(number, "callid", $"{kind} for a call with no ENTERQUEUE before it", raw)
                    );
                }

                continue;
            }

            call.Lines.Add(raw);
            switch (kind)
            {
                case "CONNECT":
                    call.Answer ??= at;
                    call.Agent ??= AgentName(agent);
                    call.End = at;
                    break;
                case var exit when Exits.Contains(exit):
                    call.Exit ??= ExitReason(exit, fields);
                    call.End = at;
                    break;
                case var end when Ends.Contains(end):
                    call.End = at;
                    break;
            }
        }

        var records = new List<CallRecord>();
        foreach (var (callId, call) in calls.OrderBy(pair => pair.Value.Line))
        {
            if (call.Caller.Length == 0)
            {
                errors.Add(new CallRowError(call.Line, "callerid", "ENTERQUEUE names no caller", call.Raw));
            }
            else if (call.Answer is null && call.Exit is null)
            {
                errors.Add(
                    new CallRowError(call.Line, "event", "no CONNECT or exit yet: still in the queue?", call.Raw)
                );
            }
            else
            {
                records.Add(
                    new CallRecord(
                        callId,
                        call.Caller,
                        call.Entered,
                        call.Answer,
                        call.End ?? call.Answer ?? call.Entered,
                        call.Answer is null ? CallDisposition.NoAnswer : CallDisposition.Answered,
                        call.Agent
                    )
                    {
                        ReachedAgentsAt = call.Entered,
                        Queue = call.Queue.Length > 0 ? call.Queue : null,
                        QueueExit = call.Answer is null ? call.Exit : null,
                    }
                );
            }
        }

        return (records, errors);
    }

    /// <summary><c>SIP/2003</c>, <c>PJSIP/2003</c>, <c>Agent/2003</c> → <c>2003</c>; a member name as it is.</summary>
    private static string? AgentName(string agent)
    {
        if (agent.Length == 0 || agent == "NONE")
        {
            return null;
        }

        var slash = agent.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? agent[(slash + 1)..] : agent;
    }

    /// <summary>A line's time, or why it cannot be read: an answer, not a throw, so the loop stays plain.</summary>
    private static (DateTimeOffset At, CallRowException? Error) Time(string text, TimeZoneInfo zone)
    {
        try
        {
            return (CallTimes.ParseUnixOrLocal(text, "time", zone, "Unix seconds or a local time"), null);
        }
        catch (CallRowException error)
        {
            return (default, error);
        }
    }

    /// <summary>The event's data field <paramref name="index"/> (after the five every line has), or empty.</summary>
    private static string Data(string[] fields, int index) =>
        fields.Length > 5 + index ? fields[5 + index].Trim() : string.Empty;

    private static string ExitReason(string kind, string[] fields) =>
        kind switch
        {
            "ABANDON" => $"客户排队 {Seconds(Data(fields, 2))} 秒后挂断",
            "EXITWITHTIMEOUT" => $"排队 {Seconds(Data(fields, 2))} 秒超时",
            "EXITWITHKEY" => $"客户排队 {Seconds(Data(fields, 3))} 秒后按 {Data(fields, 0)} 键离开",
            _ => "队列中没有坐席",
        };

    private static string Seconds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : "?";

    private sealed class Call(int line, DateTimeOffset entered, string queue, string caller)
    {
        public int Line { get; } = line;

        public DateTimeOffset Entered { get; } = entered;

        public string Queue { get; } = queue;

        public string Caller { get; } = caller;

        public List<string> Lines { get; } = [];

        public string Raw => string.Join('\n', Lines);

        public DateTimeOffset? Answer { get; set; }

        public DateTimeOffset? End { get; set; }

        public string? Agent { get; set; }

        public string? Exit { get; set; }
    }
}
