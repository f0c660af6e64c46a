using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Reminders;

public sealed class ReminderPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static TherapySession At(DateTimeOffset start) =>
        TherapySession.Schedule(Guid.NewGuid(), Guid.NewGuid(), start, 50, SessionModality.Video, null, Now);

    [Fact]
    public void A_session_gets_one_reminder_per_lead_time()
    {
        var plan = ReminderPlan.ForSession(At(Now.AddDays(3)), ReminderPlan.DefaultLeadMinutes, Now);
        Assert.Equal([Now.AddDays(2), Now.AddDays(3).AddHours(-2)], plan.Select(p => p.DueAt));
    }

    [Fact]
    public void A_session_inside_a_lead_time_gets_only_the_reminders_still_ahead()
    {
        var plan = ReminderPlan.ForSession(At(Now.AddHours(5)), ReminderPlan.DefaultLeadMinutes, Now);
        Assert.Equal(120, Assert.Single(plan).LeadMinutes);
        Assert.Empty(ReminderPlan.ForSession(At(Now.AddMinutes(90)), ReminderPlan.DefaultLeadMinutes, Now));
    }

    [Fact]
    public void A_moved_session_gets_new_keys_and_a_cancelled_one_none()
    {
        var session = At(Now.AddDays(3));
        var before = ReminderPlan.ForSession(session, [60], Now).Single().Key;
        session.Reschedule(Now.AddDays(4), 50, SessionModality.Phone, null, Now);
        var after = ReminderPlan.ForSession(session, [60], Now).Single().Key;
        Assert.NotEqual(before, after);
        Assert.Equal(after, ReminderPlan.ForSession(session, [60], Now).Single().Key); // stable: planning twice adds nothing

        session.Cancel(Now);
        Assert.Empty(ReminderPlan.ForSession(session, [60], Now));
    }

    [Fact]
    public void Backoff_doubles_and_is_capped_at_an_hour()
    {
        var b = TimeSpan.FromMinutes(1);
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(1, 4).Select(a => ReminderPlan.Backoff(a, b).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(1), ReminderPlan.Backoff(30, b));
    }

    [Theory]
    [InlineData("jordan@example.org", "j***@example.org")]
    [InlineData(null, "(no email)")]
    [InlineData("broken", "(no email)")]
    public void Recipients_are_masked_for_administrators(string? email, string masked) => Assert.Equal(masked, ReminderPlan.MaskEmail(email));

    [Fact]
    public void Weekly_prompts_fall_on_the_clients_local_day_and_time_across_daylight_saving()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var schedule = new CheckInPromptSchedule(DayOfWeek.Sunday, new TimeOnly(18, 0));
        var next = schedule.NextAfter(new DateTimeOffset(2026, 10, 30, 12, 0, 0, TimeSpan.Zero), chicago); // clocks go back on 1 Nov 2026
        var local = TimeZoneInfo.ConvertTime(next, chicago);
        Assert.Equal(new DateTime(2026, 11, 1, 18, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(-6), local.Offset);
        Assert.True(schedule.NextAfter(next, chicago) > next);
    }

    [Fact]
    public void Session_rules_refuse_bad_changes()
    {
        Assert.Throws<DomainRuleException>(() => TherapySession.Schedule(Guid.NewGuid(), Guid.NewGuid(), Now, 5, SessionModality.Video, null, Now));
        var session = At(Now.AddDays(1));
        Assert.Throws<DomainRuleException>(() => session.MarkCompleted(Now)); // not started yet
        session.Cancel(Now);
        Assert.Throws<DomainRuleException>(() => session.Reschedule(Now.AddDays(2), 50, SessionModality.Video, null, Now));
        Assert.Throws<DomainRuleException>(() => session.Cancel(Now));
    }
}
