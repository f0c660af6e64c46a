using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Appointments;

public sealed class AppointmentRequestTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    // Monday 23 November 2026, 09:00 in Chicago.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid(), ClientId = Guid.NewGuid();
    private static readonly RequestRules Rules = new(24, 50, Chicago);
    // Tuesdays 09:00-12:00 and Thursdays 14:00-17:00, clinic time.
    private static readonly IReadOnlyList<AvailabilityWindow> Weekly =
    [
        AvailabilityWindow.Create(Clinician, DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0), Now),
        AvailabilityWindow.Create(Clinician, DayOfWeek.Thursday, new TimeOnly(14, 0), new TimeOnly(17, 0), Now),
    ];

    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, minute, 0), Chicago);

    [Theory]
    [InlineData(26, 14, 0)]   // Thursday 14:00
    [InlineData(26, 16, 10)]  // Thursday 16:10: ends 17:00
    [InlineData(24, 9, 0)]    // Tuesday 09:00, 24 hours ahead exactly
    public void A_time_inside_a_window_and_past_the_notice_period_is_requested(int day, int hour, int minute)
    {
        var request = AppointmentRequest.ForNewTime(ClientId, Clinician, Local(day, hour, minute), Weekly, Rules, Now);
        Assert.Equal((RequestKind.NewTime, RequestStatus.Pending, 50), (request.Kind, request.Status, request.DurationMinutes));
        Assert.Equal(Local(day, hour, minute), request.StartsAt);
    }

    [Theory]
    [InlineData(26, 16, 11)]  // ends after the window
    [InlineData(26, 13, 30)]  // starts before it
    [InlineData(25, 10, 0)]   // a Wednesday: no window
    public void A_time_outside_the_availability_is_refused(int day, int hour, int minute) =>
        Assert.Equal(RequestRules.OutsideAvailability,
            Assert.Throws<DomainRuleException>(() => AppointmentRequest.ForNewTime(ClientId, Clinician, Local(day, hour, minute), Weekly, Rules, Now)).Message);

    [Fact]
    public void A_time_inside_the_notice_period_is_refused_even_inside_a_window()
    {
        var twoDays = Rules with { NoticeHours = 48 };
        var tuesdayTen = Local(24, 10); // inside Tuesday's window, 25 hours ahead
        var e = Assert.Throws<DomainRuleException>(() => AppointmentRequest.ForNewTime(ClientId, Clinician, tuesdayTen, Weekly, twoDays, Now));
        Assert.Equal("Requests need at least 48 hours' notice. For anything sooner, send your clinician a message or call the clinic.", e.Message);
        Assert.Equal(tuesdayTen, AppointmentRequest.ForNewTime(ClientId, Clinician, tuesdayTen, Weekly, Rules, Now).StartsAt);
    }

    [Fact]
    public void A_session_can_be_moved_or_cancelled_only_outside_the_notice_period_and_while_booked()
    {
        var soon = TherapySession.Schedule(ClientId, Clinician, Now.AddHours(20), 50, SessionModality.Video, null, Now.AddDays(-3));
        var later = TherapySession.Schedule(ClientId, Clinician, Now.AddDays(5), 50, SessionModality.Video, null, Now.AddDays(-3));

        Assert.Equal(Rules.InsideNotice, Assert.Throws<DomainRuleException>(() => AppointmentRequest.ToCancel(soon, Rules, Now)).Message);
        Assert.Equal(Rules.InsideNotice, Assert.Throws<DomainRuleException>(() => AppointmentRequest.ToMove(soon, Local(26, 14), Weekly, Rules, Now)).Message);
        var move = AppointmentRequest.ToMove(later, Local(26, 14), Weekly, Rules, Now);
        Assert.Equal((RequestKind.Move, later.Id, (DateTimeOffset?)Local(26, 14)), (move.Kind, move.SessionId, move.StartsAt));
        Assert.Equal(RequestKind.Cancel, AppointmentRequest.ToCancel(later, Rules, Now).Kind);

        later.Cancel(Now);
        Assert.Throws<DomainRuleException>(() => AppointmentRequest.ToCancel(later, Rules, Now));
    }

    [Fact]
    public void The_clinician_approves_or_declines_with_a_reason_once()
    {
        var approved = AppointmentRequest.ForNewTime(ClientId, Clinician, Local(26, 14), Weekly, Rules, Now);
        var sessionId = Guid.NewGuid();
        approved.Approve(Clinician, sessionId, Now);
        Assert.Equal((RequestStatus.Approved, (Guid?)sessionId, (Guid?)Clinician), (approved.Status, approved.SessionId, approved.DecidedById));
        Assert.Throws<DomainRuleException>(() => approved.Decline(Clinician, "Too late", Now));

        var declined = AppointmentRequest.ForNewTime(ClientId, Clinician, Local(26, 14), Weekly, Rules, Now);
        Assert.Equal("A reason for the client is required.", Assert.Throws<DomainRuleException>(() => declined.Decline(Clinician, " ", Now)).Message);
        Assert.Equal(RequestStatus.Pending, declined.Status);
        declined.Decline(Clinician, "I am away that week; Thursday the 3rd?", Now);
        Assert.Equal((RequestStatus.Declined, "I am away that week; Thursday the 3rd?"), (declined.Status, declined.DeclineReason));
    }

    [Fact]
    public void A_time_that_has_passed_while_the_request_waited_cannot_be_approved()
    {
        var asked = AppointmentRequest.ForNewTime(ClientId, Clinician, Local(26, 14), Weekly, Rules, Now);
        var e = Assert.Throws<DomainRuleException>(() => asked.Approve(Clinician, Guid.NewGuid(), Local(26, 14)));
        Assert.Equal(AppointmentRequest.TimePassedMessage, e.Message);
        Assert.Equal(RequestStatus.Pending, asked.Status);
        asked.Approve(Clinician, Guid.NewGuid(), Local(26, 13, 59)); // still ahead: approved
        Assert.Equal(RequestStatus.Approved, asked.Status);
    }

    [Theory]
    [InlineData(10, 9)]
    [InlineData(10, 10)]
    public void A_window_must_end_after_it_starts(int from, int until) =>
        Assert.Throws<DomainRuleException>(() => AvailabilityWindow.Create(Clinician, DayOfWeek.Monday, new TimeOnly(from, 0), new TimeOnly(until, 0), Now));

    [Fact]
    public void The_offered_times_are_inside_the_windows_past_the_notice_and_long_enough_for_a_session()
    {
        var offered = Rules.Offered(Weekly, Now, days: 7);
        // Tuesday 09:00-12:00: 09:00 is exactly 24 hours ahead; 11:00 is the last start that ends by 12:00.
        Assert.Equal([Local(24, 9), Local(24, 9, 30), Local(24, 10), Local(24, 10, 30), Local(24, 11)], offered.Where(t => t < Local(25, 0)));
        Assert.Equal(Local(26, 14), offered.First(t => t > Local(25, 0)));
        Assert.Equal(Local(26, 16), offered.Where(t => t < Local(27, 0)).Last());
        Assert.All(offered, t => AppointmentRequest.ForNewTime(ClientId, Clinician, t, Weekly, Rules, Now));
        Assert.Empty((Rules with { NoticeHours = 24 * 8 }).Offered(Weekly, Now, days: 7));
    }
}
