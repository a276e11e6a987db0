using System.Globalization;

namespace SlaWatch.Core.Policies;

/// <summary>
/// A calendar asked about dates its holiday data does not cover (<see cref="Years"/>): those days were read by
/// their weekday alone, holidays and make-up days unknown. Reports, the scan, the board and the API carry it, with
/// <see cref="Code"/> for machines and <see cref="Text"/> for people.
/// </summary>
public sealed record CalendarWarning(
    string Calendar,
    IReadOnlyList<int> Years,
    DateOnly CoveredFrom,
    DateOnly CoveredThrough
)
{
    public const string OutOfRange = "calendar-out-of-range";

    public string Code { get; } = OutOfRange;

    /// <summary>The English text, for machine readers that show it as it is.</summary>
    public string Message => Text(chinese: false);

    /// <summary>The Chinese text, so a page in Chinese shows the same words as the reports.</summary>
    public string MessageZh => Text(chinese: true);

    public string Text(bool chinese)
    {
        var years = string.Join(
            chinese ? "、" : ", ",
            Years.Select(year => year.ToString(CultureInfo.InvariantCulture))
        );
        var covered = string.Create(CultureInfo.InvariantCulture, $"{CoveredFrom:yyyy-MM-dd}");
        var through = string.Create(CultureInfo.InvariantCulture, $"{CoveredThrough:yyyy-MM-dd}");
        return chinese
            ? $"日历“{Calendar}”没有 {years} 年的节假日数据（现有 {covered} 至 {through}）：这些日期只按星期计算，"
                + "节假日和调休未计入；请用 slawatch calendar import 导入该年的节假日安排。"
            : $"calendar '{Calendar}' has no holiday data for {years} (it covers {covered} to {through}): those days "
                + "are read by weekday, holidays and make-up days unknown; import the year's holidays with "
                + "'slawatch calendar import'";
    }
}
