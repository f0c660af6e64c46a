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

    [Theory]
    [InlineData(ScheduleKind.EveryWeeks, 0)]
    [InlineData(ScheduleKind.EveryWeeks, 53)]
    [InlineData(ScheduleKind.BeforeSession, 0)]
    [InlineData(ScheduleKind.BeforeSession, 169)]
    [InlineData((ScheduleKind)9, 2)]
    public void Out_of_range_schedules_are_refused(ScheduleKind kind, int every) =>
        Assert.Throws<DomainRuleException>(() => MeasureSchedule.Create(MeasureResponseTests.NewClient(), "PHQ-9", kind, every, false, Clinician, Start));
}
