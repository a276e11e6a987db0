using System.Globalization;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Spreadsheets;

/// <summary>A row turned into the contact that opens its ticket and what happened to it after.</summary>
public sealed record ImportedTicket(int Row, InboundContact Contact, IReadOnlyList<TicketEvent> Events);

/// <summary>A cell that cannot be used, naming its column (as the sheet's header spells it).</summary>
public sealed class RowException(string column, string problem) : Exception($"{column}: {problem}")
{
    public string Column { get; } = column;

    public string Problem { get; } = problem;
}

/// <summary>
/// One row of the tracking template. Dates are <c>YYYY-MM-DD</c>; times <c>HH:MM</c> on the row's date, or a full
/// <c>YYYY-MM-DD HH:MM</c>; a time-only reply or resolution earlier than what precedes it is taken to be the next day.
/// Instants are read in the policy's zone. A stated status (解决状态) and first-contact resolution (是否首次解决) are
/// recorded as stated.
/// </summary>
public sealed class TemplateRow(
    IReadOnlyDictionary<TemplateField, string> columns,
    TimeZoneInfo zone,
    ClassificationRules rules,
    Channel defaultChannel,
    ChannelCatalog? channels = null
)
{
    private readonly ChannelCatalog _channels = channels ?? ChannelCatalog.Default;

    private const string Actor = "import";

    private static readonly string[] FullFormats =
    [
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd H:mm",
        "yyyy/MM/dd HH:mm",
        "yyyy/M/d H:mm",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy-M-d H:mm",
    ];

    public ImportedTicket Parse(SheetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string? Cell(TemplateField field) =>
            columns.TryGetValue(field, out var header)
            && row.Cells.TryGetValue(header, out var value)
            && !TemplateColumns.IsPlaceholder(value)
                ? value.Trim()
                : null;
        string Name(TemplateField field) => columns.TryGetValue(field, out var header) ? header : field.ToString();

        var customer = Cell(TemplateField.CustomerId)
            ?? throw new RowException(Name(TemplateField.CustomerId), "missing");
        var submittedText = Cell(TemplateField.SubmittedAt)
            ?? throw new RowException(Name(TemplateField.SubmittedAt), "missing");
        DateOnly date;
        if (columns.ContainsKey(TemplateField.Date))
        {
            date = Date(
                Cell(TemplateField.Date) ?? throw new RowException(Name(TemplateField.Date), "missing"),
                Name(TemplateField.Date)
            );
        }
        else
        {
            // Sheets without a date column (the after-sales template) write the date with the submission time.
            date = FullInstant(submittedText) is { } full
                ? DateOnly.FromDateTime(full)
                : throw new RowException(
                    Name(TemplateField.SubmittedAt),
                    $"'{submittedText}' needs a date and a time (YYYY-MM-DD HH:MM): the sheet has no date column"
                );
        }

        var submitted = Instant(submittedText, Name(TemplateField.SubmittedAt), date, null);
        var firstResponse = Cell(TemplateField.FirstResponseAt) is { } response
            ? Instant(response, Name(TemplateField.FirstResponseAt), date, submitted)
            : (DateTimeOffset?)null;
        var resolved = Cell(TemplateField.ResolvedAt) is { } resolution
            ? Instant(resolution, Name(TemplateField.ResolvedAt), date, firstResponse ?? submitted)
            : (DateTimeOffset?)null;
        var channel = Cell(TemplateField.Channel) is { } channelText
            ? _channels.TryParse(channelText, out var named)
                ? named
                : throw new RowException(
                    Name(TemplateField.Channel),
                    $"'{channelText}' is not a channel; use {_channels.Known}"
                )
            : defaultChannel;
        var priority = Cell(TemplateField.Priority) is { } priorityText
            ? PriorityNames.TryParse(priorityText, out var level)
                ? level
                : throw new RowException(
                    Name(TemplateField.Priority),
                    $"'{priorityText}' is not a priority; use 紧急, 高, 一般/中, 低, 建议 or "
                        + $"{string.Join(", ", PriorityNames.Known)}"
                )
            : (Priority?)null;
        var description = Cell(TemplateField.Description);
        var source =
            TicketIds.ImportPrefix
            + (
                Cell(TemplateField.TicketNumber)
                ?? Digest(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{date:yyyy-MM-dd}|{customer}|{submitted:O}|{description}"
                    )
                )
            );
        var executor = Cell(TemplateField.Executor);
        // A sheet with only a handler column (处理人) names the owner by it.
        var owner = Cell(TemplateField.Owner) ?? executor;

        var events = new List<TicketEvent>();
        if (owner is not null)
        {
            events.Add(new Assigned(submitted, Actor, source + ":owner", owner, executor));
        }

        if (firstResponse is { } answered)
        {
            events.Add(new AgentResponse(answered, owner ?? Actor, source + ":first-response"));
        }

        if (Cell(TemplateField.PromisedBy) is { } promised)
        {
            events.Add(
                new ResolutionPromised(
                    firstResponse ?? submitted,
                    owner ?? Actor,
                    source + ":promised",
                    Instant(promised, Name(TemplateField.PromisedBy), date, submitted)
                )
            );
        }

        var last = resolved ?? firstResponse ?? submitted;
        if (Cell(TemplateField.UnresolvedReason) is { } reason)
        {
            events.Add(new OverdueReason(firstResponse ?? submitted, owner ?? Actor, source + ":reason", reason));
        }

        events.AddRange(
            Status(
                Cell(TemplateField.Status),
                Name(TemplateField.Status),
                Name(TemplateField.ResolvedAt),
                resolved,
                last,
                Cell(TemplateField.Solution),
                owner,
                source
            )
        );
        if (Cell(TemplateField.FirstContactResolved) is { } firstContact)
        {
            events.Add(
                new FirstContactRecorded(
                    last,
                    owner ?? Actor,
                    source + ":first-contact",
                    YesNo(firstContact, Name(TemplateField.FirstContactResolved))
                )
            );
        }

        var feedback = Cell(TemplateField.Feedback);
        var verdict = feedback is null ? null : Verdict(feedback);
        if (Cell(TemplateField.Satisfaction) is { } satisfaction)
        {
            var (score, scale) = Score(satisfaction, Name(TemplateField.Satisfaction));
            var comment = Cell(TemplateField.Comment) ?? (verdict is null ? feedback : null);
            events.Add(new SatisfactionRated(last, "customer", source + ":satisfaction", score, scale, comment));
        }

        // The customer's own word (客户反馈): a verdict is recorded as one (anything short of resolved reopens).
        if (verdict is { } outcome)
        {
            events.Add(new CustomerConfirmed(last, "customer", source + ":feedback", outcome, feedback));
        }

        var contact = new InboundContact
        {
            Channel = channel,
            SourceId = source,
            ReceivedAt = submitted,
            From = Identity(customer, Cell(TemplateField.Contact)),
            Subject = description is null ? null : Excerpts.Of(description, 120),
            Text = description,
            Priority = priority,
            Category = Cell(TemplateField.Category) is { } category ? CategoryKey(category) : null,
            CustomerTier =
                Cell(TemplateField.Remarks) is { } remarks
                && remarks.Contains("VIP", StringComparison.OrdinalIgnoreCase)
                    ? ClassificationRules.VipTier
                    : null,
            Reference = Cell(TemplateField.TicketNumber),
            // Feedback that is not a verdict and has no rating to go with is kept with the remarks.
            Remarks = string.Join(
                "; ",
                new[]
                {
                    Cell(TemplateField.Remarks),
                    verdict is null && Cell(TemplateField.Satisfaction) is null && feedback is not null
                        ? "客户反馈: " + feedback
                        : null,
                }.OfType<string>()
            )
                is { Length: > 0 } kept
                ? kept
                : null,
        };
        return new ImportedTicket(
            row.Number,
            contact with
            {
                Entered = true,
            },
            [.. events.Select(item => item with { Entered = true })]
        );
    }

    private static IEnumerable<TicketEvent> Status(
        string? text,
        string statusColumn,
        string resolvedColumn,
        DateTimeOffset? resolved,
        DateTimeOffset last,
        string? solution,
        string? owner,
        string source
    )
    {
        var stated = text?.Trim().ToLowerInvariant() switch
        {
            null => resolved is null ? TicketStatus.Open : TicketStatus.Resolved,
            "已解决" or "resolved" or "solved" or "done" => TicketStatus.Resolved,
            "已关闭" or "closed" => TicketStatus.Closed,
            "部分解决" or "partially resolved" or "partial" => TicketStatus.PendingCustomer,
            "处理中" or "in progress" or "open" or "未解决" or "unresolved" or "not resolved" => TicketStatus.Open,
            _ => throw new RowException(
                statusColumn,
                $"'{text}' is not a status; use 已解决, 处理中, 未解决, 部分解决, 已关闭 (resolved, in progress, unresolved, "
                    + $"partially resolved, closed)"
            ),
        };
        switch (stated)
        {
            case TicketStatus.Resolved or TicketStatus.Closed:
                var at = resolved
                    ?? throw new RowException(resolvedColumn, $"missing, and {statusColumn} says '{text}'");
                return
                [
                    new StatusChanged(
                        at,
                        owner ?? Actor,
                        source + ":" + stated.ToString().ToLowerInvariant(),
                        stated,
                        solution
                    ),
                ];
            case TicketStatus.PendingCustomer:
                // Partly solved is the team's verdict, not a resolution: the ticket stays open with it on record.
                return
                [
                    new CustomerConfirmed(
                        last,
                        owner ?? Actor,
                        source + ":partial",
                        Confirmation.PartiallyResolved,
                        solution
                    ),
                ];
            default:
                return resolved is null
                    ? []
                    : throw new RowException(statusColumn, $"'{text}' contradicts the {resolvedColumn} given");
        }
    }

    /// <summary>A sheet's category by the rules: its key or name, else the first category a keyword of which it holds
    /// (质量投诉 → 产品质量).</summary>
    private string CategoryKey(string text)
    {
        var rule = rules.CategoryNamed(text)
            ?? rules.Categories.FirstOrDefault(category =>
                category.Keywords.Any(keyword => text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            );
        return rule?.Key ?? text;
    }

    /// <summary>
    /// Who the row is from: a full contact (an address, a whole phone number) stands alone; a contact the sheet already
    /// masked (<c>5678</c>, <c>1393456</c>, <c>010</c>) is shared by many customers, so the name goes with it.
    /// </summary>
    private static string Identity(string customer, string? contact) =>
        contact switch
        {
            null => customer,
            _ when contact.Contains('@', StringComparison.Ordinal) || contact.Count(char.IsAsciiDigit) >= 11 => contact,
            _ => customer + " " + contact,
        };

    /// <summary>The customer's word as a verdict, when it is one; doubt wins ("说已解决，其实未解决" is not resolved).</summary>
    private static Confirmation? Verdict(string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            var t
                when t.Contains("部分解决", StringComparison.Ordinal)
                    || t.StartsWith("partially", StringComparison.Ordinal) => Confirmation.PartiallyResolved,
            var t
                when t.Contains("未解决", StringComparison.Ordinal)
                    || t.Contains("没解决", StringComparison.Ordinal)
                    || t.StartsWith("not resolved", StringComparison.Ordinal) => Confirmation.NotResolved,
            var t
                when t.Contains("已解决", StringComparison.Ordinal)
                    || t.StartsWith("resolved", StringComparison.Ordinal) => Confirmation.Resolved,
            _ => null,
        };

    private static DateTime? FullInstant(string text) =>
        DateTime.TryParseExact(text, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var full)
            ? full
            : null;

    private static DateOnly Date(string text, string column)
    {
        if (
            DateOnly.TryParseExact(
                text,
                ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
        )
        {
            return date;
        }

        // A date cell Excel did not format: its serial day number.
        return
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is > 1 and < 2958466
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : throw new RowException(column, $"'{text}' is not a date YYYY-MM-DD");
    }

    private DateTimeOffset Instant(string text, string column, DateOnly date, DateTimeOffset? notBefore)
    {
        DateTime local;
        if (FullInstant(text) is { } full)
        {
            local = full;
        }
        else
        {
            local = date.ToDateTime(TimeOfDay(text, column));
            var instant = ToUtc(local);
            // A time of day alone that comes before what it follows happened on a later day.
            while (notBefore is { } floor && instant < floor)
            {
                local = local.AddDays(1);
                instant = ToUtc(local);
            }

            return instant;
        }

        var result = ToUtc(local);
        return notBefore is { } earliest && result < earliest
            ? throw new RowException(
                column,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{text}' is before the time it follows ("
                        + $"{TimeZoneInfo.ConvertTime(earliest, zone):yyyy-MM-dd HH:mm})"
                )
            )
            : result;
    }

    private DateTimeOffset ToUtc(DateTime local) => new(ZoneMapping.ToUtc(zone, local, preferLater: false));

    private static TimeOnly TimeOfDay(string text, string column)
    {
        if (
            TimeOnly.TryParseExact(
                text,
                ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var time
            )
        )
        {
            return time;
        }

        return
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
            && fraction is >= 0 and < 1
            // To the second, as Excel shows it; the last instant of the day stays on it (23:59:59.9 is not 24:00).
            ? TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Math.Min(Math.Round(fraction * 86_400), 86_399)))
            : throw new RowException(column, $"'{text}' is not a time HH:MM");
    }

    private static bool YesNo(string text, string column) =>
        text.Trim().ToLowerInvariant() switch
        {
            "是" or "y" or "yes" or "true" or "1" or "√" => true,
            "否" or "n" or "no" or "false" or "0" or "×" => false,
            _ => throw new RowException(column, $"'{text}' is neither 是 nor 否 (yes, no)"),
        };

    private static (int Score, int Scale) Score(string text, string column)
    {
        var trimmed = text.Trim().TrimEnd('分').Trim();
        return trimmed.ToLowerInvariant() switch
        {
            "满意" or "非常满意" or "satisfied" => (3, 3),
            "一般" or "neutral" => (2, 3),
            "不满意" or "dissatisfied" => (1, 3),
            _ when int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var score)
                    && score is >= 1 and <= 5 => (score, 5),
            _ => throw new RowException(column, $"'{text}' is not 满意, 一般, 不满意 or a score 1–5"),
        };
    }

    private static string Digest(string text) => ShortDigest.Of(string.Empty, 8, text);
}
