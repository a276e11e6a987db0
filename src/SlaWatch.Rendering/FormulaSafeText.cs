using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace SlaWatch.Rendering;

/// <summary>
/// Text cells of a CSV export that a spreadsheet would run as a formula (OWASP's CSV injection: a cell starting with
/// <c>= + - @</c>, a tab or a carriage return) get a leading apostrophe, so they show as the text they are. Only text
/// goes through here: numbers and instants have converters of their own and stay numbers.
/// </summary>
internal sealed class FormulaSafeText : StringConverter
{
    public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
        base.ConvertToString(value is string text ? CsvText.FormulaSafe(text) : value, row, memberMapData);

    public static void Apply(CsvWriter csv) =>
        csv.Context.TypeConverterCache.AddConverter<string>(new FormulaSafeText());
}
