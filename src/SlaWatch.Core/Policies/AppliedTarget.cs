using SlaWatch.Core.Calendars;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Policies;

/// <summary>The target a policy gives one metric of one ticket, with the rule it came from.</summary>
public readonly record struct AppliedTarget(SlaMetric Metric, SlaRule Rule, MetricTarget Target)
{
    public BusinessCalendar Calendar => Target.Calendar;

    public double WarningFraction => Rule.WarningFraction;

    public IReadOnlyList<EscalationLevel> Escalation => Rule.Escalation;

    /// <summary>
    /// The target as open time for a clock started at <paramref name="clockStart"/>. A working-day target counts from
    /// the first opening at or after the start, so a ticket that arrives on a Sunday gets a full working day.
    /// </summary>
    public TimeSpan OpenTimeFrom(DateTimeOffset clockStart)
    {
        var spec = Target.Target;
        if (!spec.IsWorkingDays)
        {
            return spec.Time;
        }

        var from = Calendar.NextOpen(clockStart);
        return Calendar.Elapsed(from, Calendar.AddWorkingDays(from, spec.WorkingDays));
    }

    public DurationSpec Spec => Target.Target;
}
