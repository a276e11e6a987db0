using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace SlaWatch.Channels.Phone;

/// <summary>
/// Reads call-detail records: Asterisk's CSV logs (<c>cdr_csv</c>, or <c>cdr_custom</c>'s <c>Master.csv</c> mapping, or
/// any CSV with a header row naming the columns; see <see cref="CdrLayout"/>) with local times <c>YYYY-MM-DD
/// HH:MM:SS</c>, or JSON lines of ours
/// (<c>{"callId","linkedId","caller","start","reachedAgents","queue","answer","end","disposition","agent"}</c>), or
/// Asterisk's <c>queue_log</c> (<see cref="QueueLogReader"/>). The legs of a call are made
/// one (<see cref="CallLegs"/>). Bad rows come back as errors naming their line and column; the good ones are read. A
/// log in a layout not recognised is one error naming what was expected, with the whole text, so nothing is lost.
/// </summary>
public static class CallLogReader
{
    public static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) Read(
        string text,
        TimeZoneInfo zone
    )
    {
        var firstLine = text.TrimStart('\uFEFF').TrimStart().Split('\n', 2)[0];
        return firstLine.StartsWith('{') ? ReadJsonLines(text, zone)
            : QueueLogReader.LooksLikeQueueLog(firstLine.TrimEnd('\r')) ? QueueLogReader.Read(text, zone)
            : ReadCdrCsv(text, zone);
    }

    public static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) ReadCdrCsv(
        string text,
        TimeZoneInfo zone
    )
    {
        ArgumentNullException.ThrowIfNull(text);
        var legs = new List<CallRecord>();
        var errors = new List<CallRowError>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvParser(new StringReader(text.TrimStart('\uFEFF')), configuration);
        CdrLayout? layout = null;
        while (csv.Read())
        {
            var line = csv.Row;
            var fields = csv.Record ?? [];
            var raw = csv.RawRecord.TrimEnd('\r', '\n');
            if (fields.Length == 0 || (fields.Length == 1 && fields[0].Length == 0))
            {
                continue;
            }

            if (layout is null)
            {
                var (detected, problem) = CdrLayout.Detect(fields);
                if (detected is null)
                {
                    errors.Add(new CallRowError(line, "layout", problem!, text));
                    return ([], errors);
                }

                layout = detected;
                if (layout.HasHeader)
                {
                    continue;
                }
            }

            try
            {
                if (fields.Length < layout.MinimumColumns)
                {
                    throw new CallRowException(
                        "disposition",
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{fields.Length} columns; the {layout.Name} layout has at least {layout.MinimumColumns}"
                        )
                    );
                }

                string Field(string name) => layout.Field(fields, name);
                var start = LocalTime(Field("start"), "start", zone) ?? throw new CallRowException("start", "missing");
                var answer = LocalTime(Field("answer"), "answer", zone);
                var end = LocalTime(Field("end"), "end", zone) ?? throw new CallRowException("end", "missing");
                var caller =
                    Field("src").Length > 0
                        ? Field("src")
                        : CallerFromClid(Field("clid")) ?? throw new CallRowException("src", "no caller number");
                var id = Field("uniqueid") is { Length: > 0 } unique
                    ? unique
                    : string.Create(CultureInfo.InvariantCulture, $"{caller}@{start.ToUnixTimeSeconds()}");
                var leg = Checked(
                    new CallRecord(
                        id,
                        caller,
                        start,
                        answer,
                        end,
                        Disposition(Field("disposition"), "disposition"),
                        AgentFromChannel(Field("dstchannel"))
                    )
                ) with
                {
                    LinkedId = Field("linkedid") is { Length: > 0 } linked ? linked : null,
                };
                legs.Add(CallLegs.AsLeg(leg, Field("lastapp"), Field("dstchannel"), Field("lastdata")));
            }
            catch (CallRowException error)
            {
                errors.Add(new CallRowError(line, error.Column, error.Message, raw));
            }
        }

        return (CallLegs.Group(legs), errors);
    }

    public static (IReadOnlyList<CallRecord> Calls, IReadOnlyList<CallRowError> Errors) ReadJsonLines(
        string text,
        TimeZoneInfo zone
    )
    {
        var calls = new List<CallRecord>();
        var errors = new List<CallRowError>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].Trim();
            if (raw.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = ParseJson(raw);
                var call = document.RootElement;
                string? Text(string name) =>
                    call.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } s
                        ? s
                        : null;
                DateTimeOffset? Instant(string name) =>
                    Text(name) is { } value ? CallTimes.Parse(value, name, zone) : null;
                var start = Instant("start") ?? throw new CallRowException("start", "missing");
                var record = new CallRecord(
                    Text("callId") ?? throw new CallRowException("callId", "missing"),
                    Text("caller") ?? throw new CallRowException("caller", "missing"),
                    start,
                    Instant("answer"),
                    Instant("end") ?? start,
                    Disposition(
                        Text("disposition") ?? (Text("answer") is null ? "NO ANSWER" : "ANSWERED"),
                        "disposition"
                    ),
                    Text("agent")
                );
                // Checked with every field set: reaching the agents bounds the answer as the call's span bounds both.
                calls.Add(
                    Checked(
                        record with
                        {
                            LinkedId = Text("linkedId"),
                            ReachedAgentsAt = Instant("reachedAgents"),
                            Queue = Text("queue"),
                        }
                    )
                );
            }
            catch (CallRowException error)
            {
                errors.Add(new CallRowError(i + 1, error.Column, error.Message, raw));
            }
        }

        return (CallLegs.Group(calls), errors);
    }

    private static CallRecord Checked(CallRecord call)
    {
        if (call.ReachedAgentsAt is { } reached && (reached < call.Start || reached > call.End))
        {
            throw new CallRowException("reachedAgents", $"{reached:O} is not between the call's start and end");
        }

        if (call.Answer is { } answer && (answer < call.RingingFrom || answer > call.End))
        {
            throw new CallRowException("answer", $"{answer:O} is not between the call reaching agents and its end");
        }

        if (call.End < call.Start)
        {
            throw new CallRowException("end", $"{call.End:O} is before the start {call.Start:O}");
        }

        if (call.Disposition == CallDisposition.Answered && call.Answer is null)
        {
            throw new CallRowException("answer", "an answered call needs its answer time");
        }

        return call;
    }

    private static JsonDocument ParseJson(string raw)
    {
        try
        {
            var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new CallRowException("json", "expected an object");
            }

            return document;
        }
        catch (JsonException error)
        {
            throw new CallRowException("json", $"not valid JSON ({error.Message.Split(" LineNumber:")[0]})");
        }
    }

    private static DateTimeOffset? LocalTime(string text, string column, TimeZoneInfo zone) =>
        text.Length == 0 ? null : CallTimes.Parse(text, column, zone);

    private static CallDisposition Disposition(string text, string column) =>
        text.Trim().ToUpperInvariant() switch
        {
            "ANSWERED" => CallDisposition.Answered,
            "NO ANSWER" or "NOANSWER" or "NO_ANSWER" => CallDisposition.NoAnswer,
            "BUSY" => CallDisposition.Busy,
            "FAILED" or "CONGESTION" => CallDisposition.Failed,
            _ => throw new CallRowException(column, $"'{text}' is not ANSWERED, NO ANSWER, BUSY or FAILED"),
        };

    /// <summary><c>SIP/1001-0000000a</c> → <c>1001</c>: the agent's extension.</summary>
    private static string? AgentFromChannel(string channel)
    {
        if (channel.Length == 0)
        {
            return null;
        }

        var slash = channel.IndexOf('/', StringComparison.Ordinal);
        var dash = channel.LastIndexOf('-');
        return slash >= 0 && dash > slash + 1 ? channel[(slash + 1)..dash] : channel;
    }

    private static string? CallerFromClid(string clid)
    {
        var open = clid.LastIndexOf('<');
        var close = clid.LastIndexOf('>');
        return open >= 0 && close > open + 1 ? clid[(open + 1)..close] : null;
    }
}
