using ClinicPortal.Core.ContactSafety;

namespace ClinicPortal.Core.Tests.ContactSafety;

public sealed class SafeTimesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    [Fact]
    public void A_daytime_window_holds_on_its_days_from_its_start_up_to_its_end()
    {
        var weekdays = SafeTimes.Create(SafeTimes.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0));

        Assert.True(weekdays.Contains(Local(2026, 11, 23, 9, 0), NewYork));   // Monday 09:00
        Assert.True(weekdays.Contains(Local(2026, 11, 27, 16, 59), NewYork)); // Friday 16:59
        Assert.False(weekdays.Contains(Local(2026, 11, 23, 17, 0), NewYork)); // the end is not inside
        Assert.False(weekdays.Contains(Local(2026, 11, 23, 8, 59), NewYork));
        Assert.False(weekdays.Contains(Local(2026, 11, 28, 12, 0), NewYork)); // Saturday
    }

    [Fact]
    public void An_overnight_window_belongs_to_the_day_it_starts_on()
    {
        var fridayNight = SafeTimes.Create(1 << (int)DayOfWeek.Friday, new TimeOnly(22, 0), new TimeOnly(2, 0));

        Assert.True(fridayNight.Contains(Local(2026, 11, 27, 23, 0), NewYork));  // Friday 23:00
        Assert.True(fridayNight.Contains(Local(2026, 11, 28, 1, 30), NewYork));  // Saturday 01:30, still Friday's night
        Assert.False(fridayNight.Contains(Local(2026, 11, 28, 23, 0), NewYork)); // Saturday night
        Assert.False(fridayNight.Contains(Local(2026, 11, 27, 1, 30), NewYork)); // Thursday's night
    }

    [Fact]
    public void The_next_window_is_found_across_a_weekend_in_the_clients_time_zone()
    {
        var weekdays = SafeTimes.Create(SafeTimes.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0));

        Assert.Equal(Local(2026, 11, 30, 9, 0), weekdays.NextStart(Local(2026, 11, 27, 18, 0), NewYork)); // Friday evening → Monday 09:00
        Assert.Equal(Local(2026, 11, 24, 9, 0), weekdays.NextStart(Local(2026, 11, 23, 9, 0), NewYork));  // strictly after
    }

    [Fact]
    public void A_window_starting_in_a_spring_forward_gap_opens_an_hour_later()
    {
        var early = SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(2, 30), new TimeOnly(5, 0));
        // 8 March 2026: New York clocks jump from 02:00 to 03:00.
        Assert.Equal(Local(2026, 3, 8, 3, 30), early.NextStart(Local(2026, 3, 7, 12, 0), NewYork));
    }
}
