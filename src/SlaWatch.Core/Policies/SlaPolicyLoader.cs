using System.Globalization;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Policies;

/// <summary>
/// Reads and checks a policy file (format in docs/sla-policy.md). Anything malformed or contradictory is refused with
/// a <see cref="ConfigException"/> naming the file, the JSON path and the problem.
/// </summary>
public static class SlaPolicyLoader
{
    private static readonly string[] RuleProperties =
    [
        "name",
        "description",
        "match",
        "targets",
        "calendar",
        "warningFraction",
        "warningBefore",
        "escalation",
    ];

    public static SlaPolicy Load(string file, ConfigFileReader? reader = null)
    {
        return Parse(file, ConfigFiles.Read(file, reader), reader);
    }

    public static SlaPolicy Parse(string file, string text, ConfigFileReader? reader = null)
    {
        reader ??= ConfigFiles.FileSystem;
        var root = JsonNodeReader
            .Parse(file, text)
            .RequireObject(
                "version",
                "description",
                "timeZone",
                "calendars",
                "ringCycleSeconds",
                "weeklyTargets",
                "resolution",
                "teams",
                "people",
                "onCall",
                "summaries",
                "tuning",
                "staffing",
                "privacy",
                "dataQuality",
                "channels",
                "defaults",
                "rules"
            );
        var version = root.Required("version").String();
        var zone = root.Required("timeZone").TimeZone();
        var calendars = Calendars(root.Required("calendars"), reader);
        var ringCycle = TimeSpan.FromSeconds(
            root.Optional("ringCycleSeconds") is { } ring ? Bounded(ring, 0, 60, "a ring cycle in seconds") : 5
        );
        var weekly = Weekly(root.Optional("weeklyTargets"));
        var channels = ChannelCatalogLoader.Catalog(root.Optional("channels"));

        var defaults = root.Optional("defaults")
            ?.RequireObject("calendar", "warningFraction", "warningBefore", "escalation");
        var defaultCalendar = defaults?.Optional("calendar") is { } calendarNode
            ? CalendarNamed(calendarNode, calendars)
            : null;
        var defaultWarning = defaults?.Optional("warningFraction") is { } warningNode
            ? WarningFraction(warningNode)
            : 0.75;
        var defaultLead = defaults?.Optional("warningBefore") is { } leadNode ? Lead(leadNode) : (TimeSpan?)null;
        var defaultEscalation = defaults?.Optional("escalation") is { } escalationNode
            ? Escalation(escalationNode)
            : null;

        var rules = new List<SlaRule>();
        var context = new RuleContext(
            calendars,
            defaultCalendar,
            defaultWarning,
            defaultLead,
            defaultEscalation,
            ringCycle,
            channels
        );
        foreach (var node in root.Required("rules").Items())
        {
            var rule = Rule(node, context);
            if (rules.FirstOrDefault(other => other.Name == rule.Name) is not null)
            {
                throw node.Required("name").Error($"another rule is already named '{rule.Name}'");
            }

            CheckReachable(node, rule, rules);
            rules.Add(rule);
        }

        if (rules.Count == 0)
        {
            throw root.Required("rules").Error("a policy needs at least one rule");
        }

        var (people, duty) = People(root.Optional("people"), reader, channels);
        return new SlaPolicy(
            version,
            zone,
            calendars,
            ringCycle,
            weekly,
            ChannelCatalogLoader.WithUnnamedChannels(rules, channels)
        )
        {
            Channels = channels,
            Resolution = Resolution(root.Optional("resolution")),
            Teams = Teams(root.Optional("teams"), reader),
            People = people,
            Duty = Alerts.DutyRosterLoader.Roster(
                duty,
                root.Optional("onCall"),
                root.Optional("summaries"),
                calendars,
                channels
            ),
            Tuning = Tuning(root.Optional("tuning")),
            Staffing = StaffingOf(root.Optional("staffing")),
            PhoneMask = PhoneMaskOf(root.Optional("privacy")),
            DataQuality = DataQualityOf(root.Optional("dataQuality")),
        };
    }

    private sealed record RuleContext(
        IReadOnlyDictionary<string, BusinessCalendar> Calendars,
        BusinessCalendar? DefaultCalendar,
        double DefaultWarning,
        TimeSpan? DefaultLead,
        IReadOnlyList<EscalationLevel>? DefaultEscalation,
        TimeSpan RingCycle,
        ChannelCatalog Channels
    );

    private static Dictionary<string, BusinessCalendar> Calendars(JsonNodeReader node, ConfigFileReader reader)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var entry in node.Properties())
        {
            var definition =
                entry.Element.ValueKind == System.Text.Json.JsonValueKind.String
                    ? CalendarLoader.LoadDefinition(ConfigFiles.Resolve(node.File, entry.String()), reader)
                    : CalendarLoader.FromJson(entry, reader, entry.Name);
            calendars[entry.Name] = new BusinessCalendar(definition);
        }

        return calendars.Count > 0 ? calendars : throw node.Error("name at least one calendar");
    }

    private static SlaRule Rule(JsonNodeReader node, RuleContext context)
    {
        node.RequireObject(RuleProperties);
        var name = node.Required("name").String();
        var match = Match(node.Optional("match"), context.Channels);
        var calendar = node.Optional("calendar") is { } calendarNode
            ? CalendarNamed(calendarNode, context.Calendars)
            : context.DefaultCalendar;
        var warning = node.Optional("warningFraction") is { } warningNode
            ? WarningFraction(warningNode)
            : context.DefaultWarning;
        // A rule's own warning fraction outranks an inherited lead; its own lead outranks both.
        var lead =
            node.Optional("warningBefore") is { } leadNode ? Lead(leadNode)
            : node.Optional("warningFraction") is null ? context.DefaultLead
            : (TimeSpan?)null;
        var escalation = (
            node.Optional("escalation") is { } escalationNode ? Escalation(escalationNode) : context.DefaultEscalation
        ) ?? DefaultEscalation(warning, lead);

        var targets = new Dictionary<SlaMetric, MetricTarget>();
        var targetsNode = node.Required("targets");
        foreach (var entry in targetsNode.Properties())
        {
            if (!SlaMetricNames.TryParse(entry.Name, out var metric) || metric == SlaMetric.PromisedResolution)
            {
                throw entry.Error($"unknown metric; use {string.Join(", ", SlaMetricNames.Known)}");
            }

            targets[metric] = Target(entry, metric, match, calendar, context);
        }

        return targets.Count > 0
            ? new SlaRule(name, match, targets, warning, escalation) { WarningLead = lead }
            : throw targetsNode.Error("a rule needs at least one target");
    }

    private static MetricTarget Target(
        JsonNodeReader node,
        SlaMetric metric,
        RuleMatch match,
        BusinessCalendar? ruleCalendar,
        RuleContext context
    )
    {
        JsonNodeReader? withinNode = node;
        BusinessCalendar? calendar = ruleCalendar;
        if (node.Element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            node.RequireObject("within", "rings", "calendar");
            if (node.Optional("calendar") is { } calendarNode)
            {
                calendar = CalendarNamed(calendarNode, context.Calendars);
            }

            withinNode = node.Optional("within");
            if (node.Optional("rings") is { } ringsNode)
            {
                if (withinNode is not null)
                {
                    throw node.Error("give either 'within' or 'rings', not both");
                }

                return Rings(ringsNode, metric, match, calendar ?? context.DefaultCalendar, context);
            }

            if (withinNode is null)
            {
                throw node.Error(
                    "a target needs 'within' (e.g. \"15m\", \"2h\", \"1d\" for one working day) or 'rings'"
                );
            }
        }

        var text = withinNode.Value.String();
        if (!DurationSpec.TryParse(text, out var spec))
        {
            throw withinNode.Value.Error($"'{text}' is not a duration; write e.g. 90s, 15m, 2h or 1d (working days)");
        }

        if (spec.Time < TimeSpan.Zero || spec.WorkingDays < 0 || spec == default)
        {
            throw withinNode.Value.Error($"a target must be positive, got '{text}'");
        }

        var resolved = calendar
            ?? throw node.Error(
                "no calendar for this target: set 'calendar' on the target, on the rule or in 'defaults'"
            );
        var description = spec.IsWorkingDays
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{spec.WorkingDays} working day{(spec.WorkingDays == 1 ? "" : "s")} ({resolved.Name})"
            )
            : $"{spec} ({resolved.Name})";
        return new MetricTarget(spec, resolved, description);
    }

    private static MetricTarget Rings(
        JsonNodeReader node,
        SlaMetric metric,
        RuleMatch match,
        BusinessCalendar? calendar,
        RuleContext context
    )
    {
        if (metric != SlaMetric.FirstResponse)
        {
            throw node.Error("rings measure how fast a call is answered: use them for firstResponse only");
        }

        if (
            match.Channels is not { Count: > 0 } channels
            || channels.Any(channel => context.Channels.KindOf(channel) != ChannelKind.Phone)
        )
        {
            throw node.Error("rings apply to calls: the rule must match phone channels only");
        }

        var rings = (int)Bounded(node, 0, 100, "a number of rings");
        var time = context.RingCycle * rings;
        var resolved = calendar
            ?? throw node.Error(
                "no calendar for this target: set 'calendar' on the target, on the rule or in 'defaults'"
            );
        return new MetricTarget(
            DurationSpec.FromTime(time),
            resolved,
            string.Create(CultureInfo.InvariantCulture, $"{rings} rings ({time.TotalSeconds:0}s)")
        );
    }

    private static RuleMatch Match(JsonNodeReader? node, ChannelCatalog channels)
    {
        if (node is not { } match)
        {
            return new RuleMatch();
        }

        match.RequireObject("channels", "priorities", "categories", "customerTiers");
        return new RuleMatch(
            Set(
                match.Optional("channels"),
                (JsonNodeReader item, out Channel value) => channels.TryParse(item.String(), out value),
                $"a channel ({channels.Known})",
                null
            ),
            Set(
                match.Optional("priorities"),
                (JsonNodeReader item, out Priority value) => PriorityNames.TryParse(item.String(), out value),
                $"a priority ({string.Join(", ", PriorityNames.Known)})",
                null
            ),
            Set(
                match.Optional("categories"),
                (JsonNodeReader item, out string value) => (value = item.String()) is not null,
                "a category",
                StringComparer.OrdinalIgnoreCase
            ),
            Set(
                match.Optional("customerTiers"),
                (JsonNodeReader item, out string value) => (value = item.String()) is not null,
                "a customer tier",
                StringComparer.OrdinalIgnoreCase
            )
        );
    }

    private delegate bool ItemParser<T>(JsonNodeReader item, out T value);

    private static HashSet<T>? Set<T>(
        JsonNodeReader? node,
        ItemParser<T> parse,
        string what,
        IEqualityComparer<T>? comparer
    )
    {
        if (node is not { } list)
        {
            return null;
        }

        var set = new HashSet<T>(comparer);
        foreach (var item in list.Items())
        {
            if (!parse(item, out var value))
            {
                throw item.Error($"'{item.Element}' is not {what}");
            }

            if (!set.Add(value))
            {
                throw item.Error(
                    $"'{item.Element}' is listed twice (aliases such as 'medium' and 'normal' name the same priority)"
                );
            }
        }

        return set.Count > 0
            ? set
            : throw list.Error("an empty list matches no ticket; leave the property out to match all");
    }

    private static void CheckReachable(JsonNodeReader node, SlaRule rule, List<SlaRule> earlier)
    {
        foreach (var metric in rule.Targets.Keys)
        {
            var shadow = earlier.FirstOrDefault(other =>
                other.Targets.ContainsKey(metric) && other.Match.Covers(rule.Match)
            );
            if (shadow is not null)
            {
                throw node.Required("targets")
                    .Child(metric.Key(), default)
                    .Error(
                        $"never applies: the earlier rule '{shadow.Name}' already sets {metric.Key()} for every "
                            + $"ticket this rule matches"
                    );
            }
        }
    }

    internal static BusinessCalendar CalendarNamed(
        JsonNodeReader node,
        IReadOnlyDictionary<string, BusinessCalendar> calendars
    )
    {
        var name = node.String();
        return calendars.TryGetValue(name, out var calendar)
            ? calendar
            : throw node.Error($"no calendar named '{name}'; the policy defines {string.Join(", ", calendars.Keys)}");
    }

    private static double WarningFraction(JsonNodeReader node)
    {
        var value = node.Number();
        return value is > 0 and < 1
            ? value
            : throw node.Error(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"a warning fraction lies strictly between 0 and 1, got {value}"
                )
            );
    }

    private static List<EscalationLevel> Escalation(JsonNodeReader node)
    {
        var levels = new List<EscalationLevel>();
        foreach (var item in node.Items())
        {
            item.RequireObject("level", "atFraction", "before", "notify");
            var level = item.Required("level").Integer();
            var notify = item.Required("notify").String();
            if (level != levels.Count + 1)
            {
                throw item.Required("level")
                    .Error(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"levels are numbered 1, 2, 3… in order; expected {levels.Count + 1}, got {level}"
                        )
                    );
            }

            if (item.Optional("before") is { } beforeNode)
            {
                // Set by lead time: before the due instant, so ahead of every level set by a fraction, in falling
                // leads.
                var before = item.Optional("atFraction") is null
                    ? Lead(beforeNode)
                    : throw beforeNode.Error("give 'atFraction' or 'before', not both");
                if (levels.Count > 0 && (levels[^1].Before is not { } earlier || before >= earlier))
                {
                    throw beforeNode.Error(
                        "levels set by 'before' come first, each with a shorter lead than the one before"
                    );
                }

                levels.Add(new EscalationLevel(level, 0, notify) { Before = before });
                continue;
            }

            var at = item.Required("atFraction").Number();
            var previous = levels.LastOrDefault(earlier => earlier.Before is null)?.AtFraction ?? 0;
            if (at <= 0 || at <= previous)
            {
                throw item.Required("atFraction")
                    .Error(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"each level is reached later than the one before: {at} must exceed {previous}"
                        )
                    );
            }

            levels.Add(new EscalationLevel(level, at, notify));
        }

        return levels;
    }

    private static List<EscalationLevel> DefaultEscalation(double warning, TimeSpan? lead) =>
        [new(1, warning, "owner") { Before = lead }, new(2, 1.0, "supervisor"), new(3, 2.0, "manager")];

    /// <summary>A lead time before the due instant: <c>"10m"</c>, <c>"1h"</c> (open time on the target's
    /// calendar).</summary>
    private static TimeSpan Lead(JsonNodeReader node)
    {
        return DurationSpec.TryParse(node.String(), out var spec) && !spec.IsWorkingDays && spec.Time > TimeSpan.Zero
            ? spec.Time
            : throw node.Error("a warning lead is a positive duration such as \"10m\" or \"1h\"");
    }

    private static DataQuality DataQualityOf(JsonNodeReader? found)
    {
        if (found is not { } node)
        {
            return DataQuality.Default;
        }

        node.RequireObject("lateEntryAfter", "listImported");
        var late = node.Optional("lateEntryAfter") is { } lateNode
            ? DurationSpec.TryParse(lateNode.String(), out var spec) && !spec.IsWorkingDays && spec.Time > TimeSpan.Zero
                ? spec.Time
                : throw lateNode.Error("a positive duration such as \"30m\" or \"1h\"")
            : DataQuality.Default.LateEntryAfter;
        return new DataQuality(late, node.Optional("listImported")?.Bool() ?? DataQuality.Default.ListImported);
    }

    private static Tickets.PhoneMask PhoneMaskOf(JsonNodeReader? found)
    {
        if (found is not { } node)
        {
            return Tickets.PhoneMask.LastFour;
        }

        node.RequireObject("phoneMask");
        return node.Optional("phoneMask") is not { } mask
            ? Tickets.PhoneMask.LastFour
            : mask.String() switch
            {
                "lastFour" => Tickets.PhoneMask.LastFour,
                "middleFour" => Tickets.PhoneMask.MiddleFour,
                _ => throw mask.Error("use \"lastFour\" (1391234****) or \"middleFour\" (139****1522)"),
            };
    }

    private static Staffing.StaffingOptions StaffingOf(JsonNodeReader? found)
    {
        var defaults = new Staffing.StaffingOptions();
        if (found is not { } node)
        {
            return defaults;
        }

        node.RequireObject(
            "phoneHandling",
            "chatHandling",
            "mailHandling",
            "chatsPerAgent",
            "serviceLevelPercent",
            "maxOccupancyPercent"
        );
        TimeSpan Handling(string name, TimeSpan fallback) =>
            node.Optional(name) is not { } handling ? fallback
            : DurationSpec.TryParse(handling.String(), out var spec)
            && !spec.IsWorkingDays
            && spec.Time > TimeSpan.Zero
            && spec.Time <= TimeSpan.FromHours(8)
                ? spec.Time
            : throw handling.Error("a handling time above zero and at most 8 hours, such as \"90s\" or \"4m\"");
        return new Staffing.StaffingOptions
        {
            PhoneHandling = Handling("phoneHandling", defaults.PhoneHandling),
            ChatHandling = Handling("chatHandling", defaults.ChatHandling),
            MailHandling = Handling("mailHandling", defaults.MailHandling),
            ChatsPerAgent = node.Optional("chatsPerAgent") is { } chats
                ? (int)Bounded(chats, 1, 20, "chats", inclusiveLow: true)
                : defaults.ChatsPerAgent,
            TargetShare = node.Optional("serviceLevelPercent") is { } level
                ? Bounded(level, 0, 99, "a percent") / 100
                : defaults.TargetShare,
            MaxOccupancy = node.Optional("maxOccupancyPercent") is { } occupancy
                ? Bounded(occupancy, 0, 100, "a percent") / 100
                : defaults.MaxOccupancy,
        };
    }

    private static PolicyTuning Tuning(JsonNodeReader? found)
    {
        if (found is not { } node)
        {
            return PolicyTuning.Default;
        }

        node.RequireObject("anomaly", "digestThreshold", "repeatWindowDays");
        var defaults = PolicyTuning.Default;
        var anomaly = defaults.Anomaly;
        if (node.Optional("anomaly") is { } anomalyNode)
        {
            anomalyNode.RequireObject(
                "trailingDays",
                "volumeLevels",
                "minimumAverage",
                "minimumHistoryDays",
                "streakLength"
            );
            var levels = anomalyNode.Optional("volumeLevels") is { } levelsNode
                ? levelsNode.Items().Select(item => Bounded(item, 1, 100, "a ratio to the trailing average")).ToArray()
                : null;
            if (
                levels is not null
                && (levels.Length == 0 || levels.Zip(levels.Skip(1)).Any(pair => pair.Second <= pair.First))
            )
            {
                throw anomalyNode
                    .Required("volumeLevels")
                    .Error("list at least one level, each above the one before (e.g. [1.5, 2, 3])");
            }

            anomaly = anomaly with
            {
                TrailingDays = anomalyNode.Optional("trailingDays") is { } days
                    ? (int)Bounded(days, 1, 90, "days", inclusiveLow: true)
                    : anomaly.TrailingDays,
                VolumeLevels = levels ?? anomaly.VolumeLevels,
                MinimumAverage = anomalyNode.Optional("minimumAverage") is { } minimum
                    ? Bounded(minimum, 0, 1_000_000, "tickets a day", inclusiveLow: true)
                    : anomaly.MinimumAverage,
                MinimumHistoryDays = anomalyNode.Optional("minimumHistoryDays") is { } history
                    ? (int)Bounded(history, 0, 90, "days", inclusiveLow: true)
                    : anomaly.MinimumHistoryDays,
                StreakLength = anomalyNode.Optional("streakLength") is { } streak
                    ? (int)Bounded(streak, 1, 1000, "tickets")
                    : anomaly.StreakLength,
            };
        }

        return new PolicyTuning
        {
            Anomaly = anomaly,
            DigestThreshold = node.Optional("digestThreshold") is { } digest
                ? (int)Bounded(digest, 0, 100_000, "announcements", inclusiveLow: true)
                : defaults.DigestThreshold,
            RepeatWindow = node.Optional("repeatWindowDays") is { } window
                ? TimeSpan.FromDays(Bounded(window, 0, 365, "days"))
                : defaults.RepeatWindow,
        };
    }

    /// <summary>A section given inline, or the one in the file its string names (relative to the policy).</summary>
    private static JsonNodeReader InlineOrFile(JsonNodeReader node, ConfigFileReader reader)
    {
        if (node.Element.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            return node;
        }

        var file = ConfigFiles.Resolve(node.File, node.String());
        return JsonNodeReader.Parse(file, ConfigFiles.Read(file, reader));
    }

    /// <summary><c>"people": { "王芳": ["8001", "wang@example.com"] }</c>: each person's other names (phone
    /// extension, mailbox, chat agent id, sign-in id), or the name of a file holding that object; a person written as
    /// an object (<c>{ "aliases": [...], "roles": [...], "email": …, "routes": [...] }</c>) is one alerts
    /// reach.</summary>
    private static (PeopleDirectory People, List<Alerts.DutyPerson> Duty) People(
        JsonNodeReader? found,
        ConfigFileReader reader,
        ChannelCatalog channels
    )
    {
        var duty = new List<Alerts.DutyPerson>();
        if (found is not { } node)
        {
            return (PeopleDirectory.None, duty);
        }

        node = InlineOrFile(node, reader);
        var people = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Claim(string name, string person, JsonNodeReader at)
        {
            if (seen.TryGetValue(name, out var other) && other != person)
            {
                throw at.Error($"'{name}' already names {other}");
            }

            seen[name] = person;
        }

        foreach (var person in node.Properties())
        {
            Claim(person.Name, person.Name, person);
            var names = new List<string>();
            if (Alerts.DutyRosterLoader.IsLongForm(person))
            {
                duty.Add(Alerts.DutyRosterLoader.Person(person, channels));
            }

            foreach (var item in Alerts.DutyRosterLoader.Aliases(person))
            {
                var name = item.String().Trim();
                Claim(name, person.Name, item);
                names.Add(name);
            }

            people[person.Name] = names;
        }

        return (new PeopleDirectory(people), duty);
    }

    /// <summary><c>"teams": { "一组": ["客服A", "客服B"] }</c>, or the name of a file holding that object.</summary>
    private static TeamDirectory Teams(JsonNodeReader? found, ConfigFileReader reader)
    {
        if (found is not { } node)
        {
            return TeamDirectory.None;
        }

        node = InlineOrFile(node, reader);
        var members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var team in node.Properties())
        {
            var agents = new List<string>();
            foreach (var item in team.Items())
            {
                var agent = item.String();
                if (seen.TryGetValue(agent, out var other))
                {
                    throw item.Error($"{agent} is already in team {other}");
                }

                seen[agent] = team.Name;
                agents.Add(agent);
            }

            members[team.Name] = agents.Count > 0 ? agents : throw team.Error("a team needs at least one agent");
        }

        return new TeamDirectory(members);
    }

    private static ResolutionStop Resolution(JsonNodeReader? found)
    {
        if (found is not { } node)
        {
            return ResolutionStop.Default;
        }

        node.RequireObject("stopsAt", "confirmationWaitDays");
        var stopsAt = node.Optional("stopsAt") is { } stop
            ? stop.String() switch
            {
                "resolved" => ResolutionStopsAt.Resolved,
                "confirmed" => ResolutionStopsAt.Confirmed,
                _ => throw stop.Error(
                    "use \"resolved\" (the agent's resolution) or \"confirmed\" (the customer's confirmation)"
                ),
            }
            : ResolutionStopsAt.Confirmed;
        var wait = node.Optional("confirmationWaitDays") is { } days
            ? TimeSpan.FromDays(Bounded(days, 0, 365, "days", inclusiveLow: true))
            : (TimeSpan?)null;
        return new ResolutionStop(stopsAt, wait);
    }

    private static WeeklyTargets Weekly(JsonNodeReader? node)
    {
        if (node is not { } weekly)
        {
            return new WeeklyTargets();
        }

        weekly.RequireObject(
            "averageFirstResponseMinutes",
            "averageResolutionMinutes",
            "resolutionRatePercent",
            "firstContactResolutionRatePercent"
        );
        var defaults = new WeeklyTargets();
        return new WeeklyTargets(
            weekly.Optional("averageFirstResponseMinutes") is { } a
                ? Bounded(a, 0, 100_000, "minutes")
                : defaults.AverageFirstResponseMinutes,
            weekly.Optional("averageResolutionMinutes") is { } b
                ? Bounded(b, 0, 1_000_000, "minutes")
                : defaults.AverageResolutionMinutes,
            weekly.Optional("resolutionRatePercent") is { } c
                ? Bounded(c, 0, 100, "a percentage", inclusiveLow: true)
                : defaults.ResolutionRatePercent,
            weekly.Optional("firstContactResolutionRatePercent") is { } d
                ? Bounded(d, 0, 100, "a percentage", inclusiveLow: true)
                : defaults.FirstContactResolutionRatePercent
        );
    }

    private static double Bounded(JsonNodeReader node, double low, double high, string what, bool inclusiveLow = false)
    {
        var value = node.Number();
        var aboveLow = inclusiveLow ? value >= low : value > low;
        return aboveLow && value <= high
            ? value
            : throw node.Error(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"expected {what} {(inclusiveLow ? "from" : "above")} {low} up to {high}, got {value}"
                )
            );
    }
}
