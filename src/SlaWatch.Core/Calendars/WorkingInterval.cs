using System.Globalization;

namespace SlaWatch.Core.Calendars;

/// <summary>An open interval of one local day, in minutes after local midnight; 1440 stands for "24:00".</summary>
public readonly record struct WorkingInterval
{
    public const int MinutesPerDay = 24 * 60;

    public WorkingInterval(int startMinute, int endMinute)
    {
        if (startMinute < 0 || endMinute > MinutesPerDay || startMinute >= endMinute)
        {
            throw new ArgumentOutOfRangeException(
                nameof(startMinute),
                $"An interval must satisfy 00:00 <= start < end <= 24:00, got "
                    + $"{Format(startMinute)}-{Format(endMinute)}."
            );
        }

        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    public int StartMinute { get; }

    public int EndMinute { get; }

    public static string Format(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";
}
