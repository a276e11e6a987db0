using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;
using SlaWatch.Core.Calendars;
using SlaWatch.Replay.Input;

namespace SlaWatch.Replay.Generation;

/// <summary>
/// Writes a realistic replay input directory, the same for the same seed: office-hours arrival curves (weekends
/// quieter), the category mix of <see cref="SampleTexts"/>, Chinese and English messages, agents who mostly meet the
/// brief's targets and sometimes do not (slower off hours, with an overdue reason most of the time), pending periods,
/// reopens, ratings that fall with resolution time, customers who come back about the same thing, one day with a
/// volume spike and one with a run of product-quality tickets; 3 % never get resolved.
/// </summary>
public sealed class SampleGenerator(SampleOptions options, TimeZoneInfo zone)
{
    // Relative arrivals per local hour: quiet nights, a morning and an afternoon peak, a busy evening for chat.
    private static readonly double[] HourWeights =
    [
        0.2,
        0.1,
        0.1,
        0.1,
        0.1,
        0.2,
        0.5,
        1.2,
        2.5,
        4.0,
        4.5,
        4.0,
        2.8,
        3.2,
        4.0,
        4.2,
        3.8,
        3.0,
        2.2,
        2.0,
        1.8,
        1.4,
        0.9,
        0.5,
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Random _random = new(options.Seed);

    // Per category, the latest customers who wrote about it (newest last), for repeat complaints.
    private readonly Dictionary<string, List<(string Customer, DateTimeOffset At)>> _recent = new(
        StringComparer.Ordinal
    );

    public SampleSummary Write(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Core.Text.LegacyCharsets.Register();
        Directory.CreateDirectory(Path.Combine(directory, "email"));
        Directory.CreateDirectory(Path.Combine(directory, "chat"));
        Directory.CreateDirectory(Path.Combine(directory, "phone"));
        using var chat = new StreamWriter(
            Path.Combine(directory, "chat", "webhooks.jsonl"),
            false,
            new UTF8Encoding(false)
        );
        using var calls = new StreamWriter(
            Path.Combine(directory, "phone", "calls.csv"),
            false,
            new UTF8Encoding(false)
        );
        using var events = new StreamWriter(
            Path.Combine(directory, ReplayDirectory.EventsFile),
            false,
            new UTF8Encoding(false)
        );
        var sink = new Sink(Path.Combine(directory, "email"), chat, calls, events);

        var spikeDay = options.Start.AddDays(options.Days / 2);
        var streakDay = options.Start.AddDays(Math.Max(0, options.Days - 2));
        var factors = Enumerable
            .Range(0, options.Days)
            .Select(offset => DayFactor(options.Start.AddDays(offset), spikeDay))
            .ToArray();
        var scale = options.TicketsPerDay * options.Days / factors.Sum();
        var tickets = 0;
        for (var offset = 0; offset < options.Days; offset++)
        {
            var day = options.Start.AddDays(offset);
            var count = (int)Math.Round(scale * factors[offset] * (0.92 + 0.16 * _random.NextDouble()));
            var arrivals = Enumerable.Range(0, count).Select(_ => Arrival(day)).Order().ToArray();
            var streakStart = day == streakDay && arrivals.Length > 20 ? arrivals.Length / 2 : -1;
            for (var i = 0; i < arrivals.Length; i++)
            {
                var inStreak = streakStart >= 0 && i >= streakStart && i < streakStart + 6;
                Ticket(sink, ++tickets, arrivals[i], inStreak);
            }
        }

        return new SampleSummary(
            tickets,
            sink.Emails,
            sink.ChatDeliveries,
            sink.Calls,
            sink.Events,
            spikeDay,
            streakDay,
            "product-quality"
        );
    }

    private static double DayFactor(DateOnly day, DateOnly spikeDay) =>
        (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0) * (day == spikeDay ? 2.2 : 1.0);

    private DateTimeOffset Arrival(DateOnly day)
    {
        var pick = _random.NextDouble() * HourWeights.Sum();
        var hour = 0;
        while (pick > HourWeights[hour])
        {
            pick -= HourWeights[hour++];
        }

        var local = day.ToDateTime(new TimeOnly(hour, 0)).AddSeconds(_random.Next(3600));
        return new DateTimeOffset(ZoneMapping.ToUtc(zone, local, preferLater: false));
    }

    private void Ticket(Sink sink, int n, DateTimeOffset at, bool inStreak)
    {
        var roll = _random.NextDouble();
        var channel =
            inStreak ? (n % 2 == 0 ? "email" : "chat")
            : roll < options.ChannelMix.Email ? "email"
            : roll < options.ChannelMix.Email + options.ChannelMix.Chat ? "chat"
            : "phone";
        var category = inStreak ? SampleTexts.Categories.First(item => item.Key == "product-quality") : PickCategory();
        var urgent = category.MayBeUrgent && _random.NextDouble() < 0.35;
        var samples = category.MayBeUrgent
            ? category.Samples.Where((_, index) => index % 2 == (urgent ? 0 : 1)).ToArray()
            : category.Samples;
        var sample = samples[_random.Next(samples.Length)];
        var customer = Customer(category.Key, at);
        var agent = SampleTexts.Agents[_random.Next(SampleTexts.Agents.Length)];
        var plan = MakePlan(channel, urgent, category.Key == "suggestion", at);

        switch (channel)
        {
            case "email":
                var reference = string.Create(CultureInfo.InvariantCulture, $"source:email:g{n:D6}@customer.example");
                sink.Mail(n, at, customer, sample);
                if (plan.Acknowledged is { } acknowledged)
                {
                    sink.Event(reference, "acknowledged", acknowledged, "system");
                }

                AgentEvents(sink, reference, plan, agent, at, chat: null);
                break;
            case "chat":
                var conversation = string.Create(CultureInfo.InvariantCulture, $"conv-{n:D6}");
                sink.ChatDelivery(
                    at,
                    new
                    {
                        @event = "conversation.opened",
                        conversationId = conversation,
                        messageId = string.Create(CultureInfo.InvariantCulture, $"m{n}-0"),
                        at = Iso(at),
                        sender = new
                        {
                            role = "customer",
                            id = customer,
                            name = customer,
                        },
                        text = sample.Subject + " " + sample.Text,
                    }
                );
                AgentEvents(sink, $"thread:chat:generic:{conversation}", plan, agent, at, conversation);
                break;
            default:
                var callId = string.Create(CultureInfo.InvariantCulture, $"1700000000.{n}");
                var answered = plan.FirstResponse - at < TimeSpan.FromMinutes(1);
                var end = answered ? plan.FirstResponse.AddMinutes(3 + _random.Next(9)) : at.AddSeconds(25);
                sink.Call(callId, "13900" + customer[1..], at, answered ? plan.FirstResponse : null, end, agent);
                // The call log is read when the call ends: what agents do next comes after it.
                AgentEvents(
                    sink,
                    $"source:phone:call:{callId}",
                    answered ? plan.Shifted(end - plan.FirstResponse) : plan,
                    agent,
                    at,
                    chat: null,
                    answeredCategory: answered ? category.Key : null
                );
                break;
        }
    }

    private SampleTexts.CategoryMix PickCategory()
    {
        var pick = _random.NextDouble() * SampleTexts.Categories.Sum(item => item.Share);
        foreach (var category in SampleTexts.Categories)
        {
            if ((pick -= category.Share) <= 0)
            {
                return category;
            }
        }

        return SampleTexts.Categories[^1];
    }

    /// <summary>A customer: often one who wrote about the same category in the last 30 days (the review's repeat
    /// complaints).</summary>
    private string Customer(string category, DateTimeOffset at)
    {
        if (!_recent.TryGetValue(category, out var recent))
        {
            _recent[category] = recent = [];
        }

        var window = recent.Where(item => at - item.At < TimeSpan.FromDays(30)).ToArray();
        var customer =
            window.Length > 0 && _random.NextDouble() < 0.5
                ? window[_random.Next(window.Length)].Customer
                : string.Create(CultureInfo.InvariantCulture, $"c{_random.Next(1_000_000):D6}");
        recent.Add((customer, at));
        if (recent.Count > 200)
        {
            recent.RemoveAt(0);
        }

        return customer;
    }

    private sealed record Plan(
        DateTimeOffset? Acknowledged,
        DateTimeOffset FirstResponse,
        bool FirstResponseLate,
        string? PendingFor,
        DateTimeOffset? PendingUntil,
        DateTimeOffset Resolved,
        bool Reopens,
        DateTimeOffset? ResolvedAgain,
        int? Rating,
        bool Closes,
        bool FirstContact,
        bool Unresolved
    )
    {
        public Plan Shifted(TimeSpan by) =>
            this with
            {
                Acknowledged = Acknowledged + by,
                FirstResponse = FirstResponse + by,
                PendingUntil = PendingUntil + by,
                Resolved = Resolved + by,
                ResolvedAgain = ResolvedAgain + by,
            };
    }

    private Plan MakePlan(string channel, bool urgent, bool suggestion, DateTimeOffset at)
    {
        var offHours = !InOffice(at);
        var target = channel switch
        {
            "chat" => TimeSpan.FromMinutes(5),
            "phone" => TimeSpan.FromSeconds(15),
            _ when urgent => TimeSpan.FromMinutes(15),
            _ when suggestion => TimeSpan.FromHours(9),
            _ => TimeSpan.FromHours(2),
        };
        var firstResponse = channel switch
        {
            "phone" when _random.NextDouble() < 0.06 => at.AddMinutes(LogNormal(40, 0.8)),
            "phone" => at.AddSeconds(LogNormal(8, 0.45)),
            "chat" => at.AddMinutes(LogNormal(offHours ? 3.2 : 2.2, 0.6)),
            _ when urgent => at.AddMinutes(LogNormal(8, 0.6)),
            // Off hours an on-call agent answers half the mail; the rest waits for the office to open.
            _ when offHours && _random.NextDouble() < 0.35 => NextOfficeMorning(at).AddMinutes(LogNormal(40, 0.8)),
            _ => at.AddMinutes(LogNormal(offHours ? 55 : 35, 0.75)),
        };
        DateTimeOffset? acknowledged = channel == "email" ? at.AddMinutes(LogNormal(offHours ? 50 : 18, 0.7)) : null;
        if (acknowledged > firstResponse)
        {
            acknowledged = null;
        }

        var firstContact = _random.NextDouble() < (channel == "email" ? 0.45 : 0.75);
        var pending = !firstContact && _random.NextDouble() < 0.18;
        var pendingUntil = pending ? firstResponse.AddMinutes(10 + LogNormal(150, 1.0)) : (DateTimeOffset?)null;
        var resolved = firstContact
            ? firstResponse.AddMinutes(2 + _random.Next(10))
            : (pendingUntil ?? firstResponse).AddMinutes(5 + LogNormal(urgent ? 90 : 160, 1.1));
        var reopens = _random.NextDouble() < 0.05;
        var resolvedAgain = reopens ? resolved.AddHours(18 + LogNormal(6, 0.8)) : (DateTimeOffset?)null;
        var final = resolvedAgain ?? resolved;
        var hours = (final - at).TotalHours;
        int? rating = _random.NextDouble() < 0.6 ? Score(hours) : null;
        return new Plan(
            acknowledged,
            firstResponse,
            firstResponse - at > target,
            pending ? "pendingCustomer" : null,
            pendingUntil,
            resolved,
            reopens,
            resolvedAgain,
            rating,
            _random.NextDouble() < 0.5,
            firstContact,
            Unresolved: _random.NextDouble() < 0.03
        );
    }

    /// <summary>The review's relation: resolved within 12 h → about 4.5 of 5; over 24 h → about 2.8.</summary>
    private int Score(double hours)
    {
        var mean =
            hours <= 12 ? 4.5
            : hours <= 24 ? 3.6
            : 2.8;
        return Math.Clamp((int)Math.Round(mean + (_random.NextDouble() - 0.5) * 2.2), 1, 5);
    }

    /// <summary>What agents and customers do after the contact; an answered call is classified by its agent (it carries
    /// no text).</summary>
    private void AgentEvents(
        Sink sink,
        string ticket,
        Plan plan,
        string agent,
        DateTimeOffset at,
        string? chat,
        string? answeredCategory = null
    )
    {
        if (answeredCategory is null)
        {
            if (chat is not null)
            {
                sink.ChatDelivery(
                    plan.FirstResponse,
                    new
                    {
                        @event = "message.created",
                        conversationId = chat,
                        messageId = $"{chat}-r1",
                        at = Iso(plan.FirstResponse),
                        sender = new
                        {
                            role = "agent",
                            id = agent,
                            name = agent,
                        },
                        text = SampleTexts.AgentReplies[_random.Next(SampleTexts.AgentReplies.Length)],
                    }
                );
            }
            else
            {
                sink.Event(
                    ticket,
                    "agentResponse",
                    plan.FirstResponse,
                    agent,
                    ("text", SampleTexts.AgentReplies[_random.Next(SampleTexts.AgentReplies.Length)])
                );
            }
        }
        else
        {
            sink.Event(ticket, "assigned", plan.FirstResponse.AddSeconds(1), "system", ("owner", agent));
            sink.Event(ticket, "category", plan.FirstResponse.AddSeconds(2), agent, ("category", answeredCategory));
        }

        if (plan.FirstResponseLate && _random.NextDouble() < 0.7)
        {
            sink.Event(
                ticket,
                "overdueReason",
                plan.FirstResponse.AddMinutes(1),
                agent,
                ("reason", SampleTexts.OverdueReasons[_random.Next(SampleTexts.OverdueReasons.Length)]),
                ("metric", "firstResponse")
            );
        }

        if (plan.PendingUntil is { } until)
        {
            Status(sink, ticket, chat, plan.FirstResponse.AddMinutes(5), agent, "pendingCustomer");
            sink.Event(ticket, "customerMessage", until, "customer", ("text", "补充信息：订单号已发送"));
        }

        if (plan.Unresolved)
        {
            return;
        }

        if (!plan.FirstContact)
        {
            // Not solved in the first contact: the solution comes in a later answer.
            var answer = plan.Resolved.AddMinutes(-1);
            if (chat is not null)
            {
                sink.ChatDelivery(
                    answer,
                    new
                    {
                        @event = "message.created",
                        conversationId = chat,
                        messageId = $"{chat}-r2",
                        at = Iso(answer),
                        sender = new
                        {
                            role = "agent",
                            id = agent,
                            name = agent,
                        },
                        text = "已为您处理完毕。",
                    }
                );
            }
            else
            {
                sink.Event(ticket, "agentResponse", answer, agent, ("text", "已为您处理完毕 / this is now fixed"));
            }
        }

        Status(sink, ticket, chat, plan.Resolved, agent, "resolved");
        if (plan.ResolvedAgain is { } again)
        {
            sink.Event(
                ticket,
                "customerConfirmed",
                plan.Resolved.AddHours(2),
                "customer",
                ("outcome", "notResolved"),
                ("comment", "问题还在")
            );
            Status(sink, ticket, chat, again, agent, "resolved");
        }
        else if (_random.NextDouble() < 0.3)
        {
            sink.Event(ticket, "customerConfirmed", plan.Resolved.AddMinutes(30), "customer", ("outcome", "resolved"));
        }

        var final = plan.ResolvedAgain ?? plan.Resolved;
        if (plan.Rating is { } rating)
        {
            sink.Event(ticket, "satisfaction", final.AddMinutes(20), "customer", ("rating", rating), ("scale", 5));
        }

        if (plan.Closes)
        {
            sink.Event(ticket, "status", final.AddHours(24), agent, ("status", "closed"));
        }
    }

    private static void Status(Sink sink, string ticket, string? chat, DateTimeOffset at, string agent, string status)
    {
        if (chat is not null)
        {
            var kind = status == "resolved" ? "conversation.resolved" : "conversation.pending";
            sink.ChatDelivery(
                at,
                new
                {
                    @event = kind,
                    conversationId = chat,
                    at = Iso(at),
                    sender = new
                    {
                        role = "agent",
                        id = agent,
                        name = agent,
                    },
                }
            );
        }
        else
        {
            sink.Event(ticket, "status", at, agent, ("status", status));
        }
    }

    private bool InOffice(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 9 and < 18;
    }

    private DateTimeOffset NextOfficeMorning(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var morning = local.Date.AddHours(9);
        if (local >= morning)
        {
            morning = morning.AddDays(1);
        }

        while (morning.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            morning = morning.AddDays(1);
        }

        return new DateTimeOffset(ZoneMapping.ToUtc(zone, morning, preferLater: false));
    }

    /// <summary>A log-normal draw with the given median: most agents are quick, a few are very slow.</summary>
    private double LogNormal(double median, double sigma)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>Where generated input goes, in the replay directory's layout.</summary>
    private sealed class Sink(string mailDirectory, StreamWriter chat, StreamWriter calls, StreamWriter events)
    {
        public int Emails { get; private set; }

        public int ChatDeliveries { get; private set; }

        public int Calls { get; private set; }

        public int Events { get; private set; }

        public void Mail(int n, DateTimeOffset at, string customer, SampleTexts.Sample sample)
        {
            using var message = new MimeMessage();
            message.From.Add(new MailboxAddress(customer, $"{customer}@customer.example"));
            message.To.Add(new MailboxAddress("Support", "support@slawatch.example"));
            message.Subject = sample.Subject;
            message.Date = at.AddSeconds(-5);
            message.MessageId = string.Create(CultureInfo.InvariantCulture, $"g{n:D6}@customer.example");
            message.Body = new TextPart("plain") { Text = sample.Text + "\n\n-- \n" + customer };
            message.Headers.Insert(
                0,
                new Header(
                    HeaderId.Received,
                    $"from mx.customer.example by mail.slawatch.example; {MimeKit.Utils.DateUtils.FormatDate(at)}"
                )
            );
            message.WriteTo(Path.Combine(mailDirectory, string.Create(CultureInfo.InvariantCulture, $"{n:D6}.eml")));
            Emails++;
        }

        public void ChatDelivery(DateTimeOffset receivedAt, object body)
        {
            chat.WriteLine(
                JsonSerializer.Serialize(
                    new
                    {
                        receivedAt = Iso(receivedAt),
                        format = "generic",
                        body,
                    },
                    Json
                )
            );
            ChatDeliveries++;
        }

        public void Call(
            string callId,
            string phone,
            DateTimeOffset start,
            DateTimeOffset? answer,
            DateTimeOffset end,
            string agent
        )
        {
            string Local(DateTimeOffset? instant) =>
                instant is { } value
                    ? value
                        .ToOffset(TimeSpan.FromHours(8))
                        .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    : string.Empty;
            var billed = answer is { } answered ? (int)(end - answered).TotalSeconds : 0;
            var disposition = answer is null ? "NO ANSWER" : "ANSWERED";
            var dstChannel = answer is null
                ? string.Empty
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"SIP/{1001 + Array.IndexOf(SampleTexts.Agents, agent)}-0001"
                );
            calls.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"\"\",\"{phone}\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-0001\",\"{dstChannel}\",\"Dial\","
                        + $"\"SIP/queue,20\",\"{Local(start)}\",\"{Local(answer)}\",\"{Local(end)}\","
                        + $"{(int)(end - start).TotalSeconds},{billed},\"{disposition}\",\"DOCUMENTATION\","
                        + $"\"{callId}\",\"\""
                )
            );
            Calls++;
        }

        public void Event(
            string ticket,
            string kind,
            DateTimeOffset at,
            string actor,
            params (string Name, object Value)[] fields
        )
        {
            var line = new Dictionary<string, object>
            {
                ["type"] = "event",
                ["ticket"] = ticket,
                ["kind"] = kind,
                ["at"] = Iso(at),
                ["actor"] = actor,
            };
            foreach (var (name, value) in fields)
            {
                line[name] = value;
            }

            events.WriteLine(JsonSerializer.Serialize(line, Json));
            Events++;
        }
    }
}
