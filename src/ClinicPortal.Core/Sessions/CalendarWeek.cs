using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Sessions;

/// <summary>Which week a calendar may show: any week within ten years of today, so a hand-edited date cannot run off the calendar.</summary>
public static class CalendarWeek
{
    public const int YearsEitherSide = 10;
    public const string OutOfRangeMessage = "Choose a week within ten years of today.";

    /// <summary>The Monday of the week asked for (this week when none), or a refusal for a week too far away.</summary>
    public static DateOnly StartOf(DateOnly? asked, DateOnly today)
    {
        var day = asked ?? today;
        if (day < today.AddYears(-YearsEitherSide) || day > today.AddYears(YearsEitherSide))
            throw new DomainRuleException(OutOfRangeMessage);
        return ClinicTime.WeekStart(day);
    }
}
