using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.Clinics;

public sealed class ClinicTimeTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public void A_time_in_the_spring_gap_does_not_exist()
    {
        // 8 March 2026: Chicago's clocks go from 02:00 straight to 03:00.
        Assert.Null(ClinicTime.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), Chicago));
        var refused = Assert.Throws<DomainRuleException>(() => ClinicTime.ToUtcOrRefuse(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), Chicago));
        Assert.Equal(ClinicTime.SkippedTimeMessage, refused.Message);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 59, 0, TimeSpan.Zero), ClinicTime.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(1, 59), Chicago));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.Zero), ClinicTime.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(3, 0), Chicago));
    }

    [Fact]
    public void A_time_that_happens_twice_in_the_autumn_is_read_as_standard_time()
    {
        // 1 November 2026: 01:30 happens at 06:30 UTC (daylight) and again at 07:30 UTC (standard).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero), ClinicTime.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), Chicago));
    }

    [Fact]
    public void An_unknown_or_missing_zone_falls_back()
    {
        Assert.Same(Chicago, ClinicTime.Zone("Mars/Olympus_Mons", Chicago));
        Assert.Same(TimeZoneInfo.Utc, ClinicTime.Zone(null, TimeZoneInfo.Utc));
        Assert.Equal("Europe/Berlin", ClinicTime.Zone("Europe/Berlin", Chicago).Id);
    }

    [Fact]
    public void Days_and_weeks_are_the_zones_own()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero); // 21:00 on the 21st in Chicago
        Assert.Equal(new DateOnly(2026, 11, 21), ClinicTime.DayOf(lateEvening, Chicago));
        Assert.Equal(new DateOnly(2026, 11, 16), ClinicTime.WeekStart(new DateOnly(2026, 11, 22))); // Sunday → its Monday
        Assert.Equal(new DateOnly(2026, 11, 16), ClinicTime.WeekStart(new DateOnly(2026, 11, 16)));
    }
}
