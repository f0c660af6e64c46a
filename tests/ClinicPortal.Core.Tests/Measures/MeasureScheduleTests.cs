using ClinicPortal.Core.Common;
using ClinicPortal.Core.Measures;

namespace ClinicPortal.Core.Tests.Measures;

public sealed class MeasureScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid();

    private static MeasureSchedule Every(int weeks) =>
        MeasureSchedule.Create(MeasureResponseTests.NewClient(), "PHQ-9", ScheduleKind.EveryWeeks, weeks, false, Clinician, Start);

    [Fact]
    public void Every_n_weeks_is_due_at_the_start_then_every_n_weeks()
    {
        var schedule = Every(2);
        Assert.Equal(Start, schedule.NextDue(Start, null, null));
        Assert.Equal(Start.AddDays(14), schedule.NextDue(Start.AddDays(1), Start, null));
        Assert.Equal(Start.AddDays(28), schedule.NextDue(Start.AddDays(20), Start.AddDays(14), null));
    }

    [Fact]
    public void Nothing_new_is_opened_while_the_last_one_is_unanswered() =>
        Assert.Null(Every(1).NextDue(Start.AddDays(30), Start, null, stillOpen: true));

    [Fact]
    public void A_missed_run_catches_up_once_not_once_per_missed_week()
    {
        var schedule = Every(1);
        // The job did not run for three weeks: the next due time is the latest at or before now, not the first missed one.
        Assert.Equal(Start.AddDays(21), schedule.NextDue(Start.AddDays(22), Start, null));
    }

    [Fact]
    public void Before_a_session_is_due_n_hours_ahead_of_a_session_still_to_come()
    {
        var schedule = MeasureSchedule.Create(MeasureResponseTests.NewClient(), "GAD-7", ScheduleKind.BeforeSession, 24, false, Clinician, Start);
        var session = Start.AddDays(3);
        Assert.Equal(session.AddHours(-24), schedule.NextDue(Start, null, session));
        Assert.Null(schedule.NextDue(session.AddMinutes(1), null, session));
        Assert.Null(schedule.NextDue(Start, null, null));
    }

    [Fact]
    public void A_stopped_schedule_makes_nothing_due()
    {
        var client = MeasureResponseTests.NewClient();
        var schedule = MeasureSchedule.Create(client, "PHQ-9", ScheduleKind.EveryWeeks, 1, false, Clinician, Start);
        schedule.Stop(client, Start.AddDays(1));
        Assert.Null(schedule.NextDue(Start.AddDays(30), Start, null));
        Assert.Throws<DomainRuleException>(() => schedule.Stop(client, Start.AddDays(2)));
    }

    [Fact]
    public void Once_opens_at_eight_in_the_morning_clinic_time_on_its_day_and_then_is_spent()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"); // Start is 04:00 on 4 May in Chicago (UTC-5)
        var client = MeasureResponseTests.NewClient();
        var schedule = MeasureSchedule.Create(client, "PHQ-9", ScheduleKind.Once, null, false, Clinician, Start, new DateOnly(2026, 5, 20), zone);

        var opens = new DateTimeOffset(2026, 5, 20, 13, 0, 0, TimeSpan.Zero);
        Assert.Equal(opens, schedule.StartsAt);
        Assert.Equal(opens, schedule.NextDue(Start, null, null));
        Assert.Null(schedule.NextDue(opens.AddDays(30), opens, null)); // opened once: never again
        schedule.Opened(opens);
        Assert.False(schedule.IsActive);
    }

    [Fact]
    public void Once_today_is_allowed_and_a_day_in_the_past_is_refused_in_the_clinics_calendar()
    {
        // 02:00 UTC on 5 May is still 4 May in Chicago: 4 May is today there, and 3 May has passed.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var now = new DateTimeOffset(2026, 5, 5, 2, 0, 0, TimeSpan.Zero);
        MeasureSchedule Once(DateOnly? day) => MeasureSchedule.Create(MeasureResponseTests.NewClient(), "GAD-7", ScheduleKind.Once, null, false, Clinician, now, day, zone);

        Assert.Equal(new DateTimeOffset(2026, 5, 4, 13, 0, 0, TimeSpan.Zero), Once(new DateOnly(2026, 5, 4)).StartsAt); // already past: opens at the next run
        Assert.Equal("3 May 2026 has passed: choose today (4 May 2026) or a later day, or give the questionnaire now.",
            Assert.Throws<DomainRuleException>(() => Once(new DateOnly(2026, 5, 3))).Message);
        Assert.Equal(MeasureSchedule.ChooseDay, Assert.Throws<DomainRuleException>(() => Once(null)).Message);
        Assert.Contains("within a year", Assert.Throws<DomainRuleException>(() => Once(new DateOnly(2027, 5, 5))).Message);
        Once(new DateOnly(2027, 5, 4));
    }

    [Theory]
    [InlineData(ScheduleKind.EveryWeeks, 0)]
    [InlineData(ScheduleKind.EveryWeeks, 53)]
    [InlineData(ScheduleKind.BeforeSession, 0)]
    [InlineData(ScheduleKind.BeforeSession, 169)]
    [InlineData((ScheduleKind)9, 2)]
    public void Out_of_range_schedules_are_refused(ScheduleKind kind, int every) =>
        Assert.Throws<DomainRuleException>(() => MeasureSchedule.Create(MeasureResponseTests.NewClient(), "PHQ-9", kind, every, false, Clinician, Start));
}
