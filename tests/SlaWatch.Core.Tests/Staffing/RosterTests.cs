using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Staffing;

namespace SlaWatch.Core.Tests.Staffing;

public class RosterTests
{
    [Fact]
    public void AWeeklyRosterReadsEveryWayOfWritingADayAndCountsPartHours()
    {
        var roster = Roster.Read(
            new StringReader(
                "\uFEFF人员,日期,开始,结束\n"
                    + "王芳,周一,08:30,17:00\n"
                    + "\n"
                    + "李雷,Monday,9:00,12:00\n"
                    + "韩梅梅,星期日,22:00,06:00\n"
                    + "张伟,7,18:00,24:00\n"
                    + "赵敏,sat,10:00,10:30\n"
            )
        );

        Assert.Equal(5, roster.Shifts.Count);
        var coverage = roster.CoverageByHourOfWeek();
        Assert.Equal(0.5, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 8)]);
        Assert.Equal(2.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 9)]);
        Assert.Equal(1.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 16)]);
        Assert.Equal(0.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 17)]);
        // Sunday night's shift runs past midnight into Monday morning, the week's first hours; Sunday's evening one
        // ends at midnight.
        Assert.Equal(2.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Sunday, 23)]);
        Assert.Equal(1.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Sunday, 21)]);
        Assert.Equal(1.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 0)]);
        Assert.Equal(1.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 5)]);
        Assert.Equal(0.0, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Monday, 6)]);
        Assert.Equal(0.5, coverage[StaffingPlanner.HourOfWeek(DayOfWeek.Saturday, 10)]);
        Assert.Equal(8.5 + 3 + 8 + 6 + 0.5, coverage.Sum(), 9);
    }

    [Theory]
    [InlineData("王芳,Funday,08:00,17:00", "roster line 2, day: 'Funday' is not a weekday")]
    [InlineData("王芳,周一,8点,17:00", "roster line 2, from: '8点' is not a time written HH:mm")]
    [InlineData("王芳,周一,24:00,17:00", "roster line 2, from: '24:00' is not a time written HH:mm")]
    [InlineData("王芳,周一,08:00", "roster line 2: 3 fields; a shift is person,day,from,to")]
    [InlineData(",周一,08:00,17:00", "roster line 2, person: a name of 1 to 100 characters is required")]
    public void ABadLineIsRefusedNamingItsNumberAndField(string line, string message)
    {
        var error = Assert.Throws<InputException>(() =>
            Roster.Read(new StringReader("李雷,周二,09:00,18:00\n" + line + "\n"))
        );

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
