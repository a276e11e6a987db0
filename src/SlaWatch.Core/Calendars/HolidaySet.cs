using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.Core.Configuration;

namespace SlaWatch.Core.Calendars;

/// <summary>
/// A published holiday arrangement (China's State Council notice for a year, say): the dates closed, the make-up
/// working days (调休), where it comes from, and the dates it speaks for (<c>coversFrom</c>, default the first of
/// January of its earliest date; <c>coversThrough</c>, default the last of December of its latest).
/// <c>{"name":"…","source":"…","coversFrom":"2027-01-01","coversThrough":"2027-12-31","holidays":[…],
/// "workingDays":[…]}</c>.
/// </summary>
public sealed record HolidaySet(
    string? Name,
    string Source,
    DateOnly CoversFrom,
    DateOnly CoversThrough,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> WorkingDays
)
{
    public static HolidaySet Parse(string file, string text) => FromJson(JsonNodeReader.Parse(file, text));

    /// <summary>Why a set is refused that names a date twice, whatever format it came in.</summary>
    public static string GivenTwice(DateOnly date) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{date:yyyy-MM-dd} is given twice (as a holiday or a working day)"
        );

    /// <summary>
    /// The set after checks a calendar relies on: every date within its coverage, none given twice. The returned
    /// nodes let a calendar that includes two sets say where a clash is.
    /// </summary>
    internal static HolidaySet FromJson(JsonNodeReader set) => Read(set).Set;

    internal static (HolidaySet Set, Dictionary<DateOnly, JsonNodeReader> Nodes) Read(JsonNodeReader set)
    {
        set.RequireObject("name", "source", "coversFrom", "coversThrough", "holidays", "workingDays");
        var nodes = new Dictionary<DateOnly, JsonNodeReader>();
        IReadOnlyList<DateOnly> Dates(string property) =>
            [
                .. (set.Optional(property)?.Items() ?? []).Select(item =>
                {
                    var date = item.Date();
                    if (!nodes.TryAdd(date, item))
                    {
                        throw item.Error(GivenTwice(date));
                    }

                    return date;
                }),
            ];

        var source = set.Required("source").String();
        var holidays = Dates("holidays");
        var workingDays = Dates("workingDays");
        var first = nodes.Keys.DefaultIfEmpty().Min();
        var last = nodes.Keys.DefaultIfEmpty().Max();
        var through =
            set.Optional("coversThrough") is { } explicitThrough ? explicitThrough.Date()
            : nodes.Count > 0 ? new DateOnly(last.Year, 12, 31)
            : throw set.Error("a holiday set needs holidays, working days or 'coversThrough'");
        var from =
            set.Optional("coversFrom") is { } explicitFrom ? explicitFrom.Date()
            : nodes.Count > 0 ? new DateOnly(first.Year, 1, 1)
            : new DateOnly(through.Year, 1, 1);
        if (through < from)
        {
            throw set.Error("'coversThrough' is before 'coversFrom'");
        }

        foreach (var (date, item) in nodes)
        {
            if (date < from || date > through)
            {
                throw item.Error(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{date:yyyy-MM-dd} lies outside the dates the set covers ({from:yyyy-MM-dd} to "
                            + $"{through:yyyy-MM-dd})"
                    )
                );
            }
        }

        return (new HolidaySet(set.Optional("name")?.String(), source, from, through, holidays, workingDays), nodes);
    }

    /// <summary>The set as the project's JSON, dates in order, as a calendar includes it.</summary>
    public string ToJson()
    {
        static JsonArray Dates(IEnumerable<DateOnly> dates) =>
            [.. dates.Order().Select(date => (JsonNode)date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

        var json = new JsonObject();
        if (Name is not null)
        {
            json["name"] = Name;
        }

        json["source"] = Source;
        json["coversFrom"] = CoversFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        json["coversThrough"] = CoversThrough.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        json["holidays"] = Dates(Holidays);
        json["workingDays"] = Dates(WorkingDays);
        return json.ToJsonString(Indented) + "\n";
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
