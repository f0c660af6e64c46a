using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Sessions;

public sealed class DoubleBookingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid();

    private static TherapySession At(DateTimeOffset start, int minutes = 50, Guid? clinician = null) =>
        TherapySession.Schedule(Guid.NewGuid(), clinician ?? Clinician, start, minutes, SessionModality.Video, null, Now);

    [Fact]
    public void Overlap_is_half_open()
    {
        var session = At(Now.AddHours(1)); // 13:00-13:50
        Assert.True(DoubleBooking.Clash(session, At(Now.AddHours(1).AddMinutes(49), 71)));
        Assert.False(DoubleBooking.Clash(session, At(Now.AddHours(1).AddMinutes(50), 70)));
        Assert.False(DoubleBooking.Clash(session, At(Now, 60)));
    }

    [Fact]
    public void Only_the_same_clinicians_other_scheduled_sessions_clash()
    {
        var booked = At(Now.AddHours(1));
        var sameTime = At(Now.AddHours(1).AddMinutes(20));

        Assert.True(DoubleBooking.Clash(booked, sameTime));
        Assert.False(DoubleBooking.Clash(booked, booked)); // moving a session never clashes with itself
        Assert.False(DoubleBooking.Clash(At(Now.AddHours(1), clinician: Guid.NewGuid()), sameTime));
        var cancelled = At(Now.AddHours(1));
        cancelled.Cancel(Now);
        Assert.False(DoubleBooking.Clash(cancelled, sameTime));
    }

    [Fact]
    public void The_query_form_finds_the_same_clashes_as_the_rule()
    {
        var diary = new[] { At(Now.AddHours(1)), At(Now.AddHours(2)), At(Now.AddHours(1), clinician: Guid.NewGuid()) };
        var booking = At(Now.AddHours(1).AddMinutes(30), 60); // 13:30-14:30 overlaps 13:00 and 14:00

        var found = diary.AsQueryable().Where(DoubleBooking.ClashesWith(booking)).ToList();

        Assert.Equal([diary[0], diary[1]], found);
        Assert.Equal(found, diary.Where(s => DoubleBooking.Clash(s, booking)));
    }

    [Fact]
    public void A_clash_is_refused_with_a_message_for_the_page()
    {
        var refused = Assert.Throws<DomainRuleException>(() => DoubleBooking.Refuse(clashFound: true));
        Assert.Equal(DoubleBooking.Message, refused.Message);
        DoubleBooking.Refuse(clashFound: false);
    }
}
