using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Reminders;

namespace ClinicPortal.Core.Tests.ContactSafety;

public sealed class ContactSafetyPolicyTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    // Monday 23 November 2026, 12:00 in Chicago (18:00 UTC).
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Every kind of message to a client (mail to staff about a client is not the client's profile's to decide).</summary>
    public static TheoryData<OutboxKind> EveryKind => [.. Enum.GetValues<OutboxKind>().Where(k => !OutboxKinds.IsToStaff(k))];

    public static TheoryData<OutboxKind> StaffKinds => [.. Enum.GetValues<OutboxKind>().Where(OutboxKinds.IsToStaff)];

    [Theory]
    [MemberData(nameof(StaffKinds))]
    public void Mail_to_staff_about_a_client_is_sent_whatever_the_clients_profile_says(OutboxKind kind)
    {
        var strictest = new ContactPermissions(ContactChannels.None, true, SafeTimes.Create(1 << (int)DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(10, 0)));
        Assert.Equal(ContactDecision.Send, ContactSafetyPolicy.Decide(kind, strictest, MondayNoon, Chicago));
    }

    private static ContactPermissions Allowed(SafeTimes? times = null) => new(ContactChannels.Email, false, times);

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Without_a_profile_every_kind_is_sent(OutboxKind kind) =>
        Assert.Equal(ContactDecision.Send, ContactSafetyPolicy.Decide(kind, null, MondayNoon, Chicago, MondayNoon.AddDays(1)));

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_is_held_when_email_is_not_safe(OutboxKind kind)
    {
        var decision = ContactSafetyPolicy.Decide(kind, new ContactPermissions(ContactChannels.Phone | ContactChannels.Text, false, null), MondayNoon, Chicago, MondayNoon.AddDays(1));
        Assert.Equal(ContactDecision.Hold(HoldReason.EmailNotSafe), decision);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_is_held_when_the_inbox_or_phone_may_be_watched_even_with_email_allowed(OutboxKind kind)
    {
        var decision = ContactSafetyPolicy.Decide(kind, new ContactPermissions(ContactChannels.Email, true, null), MondayNoon, Chicago, MondayNoon.AddDays(1));
        Assert.Equal(ContactDecision.Hold(HoldReason.MayBeMonitored), decision);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_is_sent_inside_the_safe_times(OutboxKind kind)
    {
        var weekdayDaytime = SafeTimes.Create(SafeTimes.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0));
        Assert.Equal(ContactDecision.Send, ContactSafetyPolicy.Decide(kind, Allowed(weekdayDaytime), MondayNoon, Chicago, MondayNoon.AddDays(1)));
    }

    [Fact]
    public void Outside_the_safe_times_a_reminder_waits_for_the_next_window_when_it_opens_before_the_session()
    {
        var mornings = SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(9, 0), new TimeOnly(11, 0));
        var tuesday9Chicago = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

        var early = ContactSafetyPolicy.Decide(OutboxKind.SessionReminder, Allowed(mornings), MondayNoon, Chicago, sessionStartsAt: tuesday9Chicago.AddHours(2));
        var late = ContactSafetyPolicy.Decide(OutboxKind.SessionReminder, Allowed(mornings), MondayNoon, Chicago, sessionStartsAt: tuesday9Chicago.AddMinutes(-30));

        Assert.Equal(ContactDecision.Defer(tuesday9Chicago), early);
        Assert.Equal(ContactDecision.Hold(HoldReason.OutsideSafeTimes), late); // the window opens only after the session has begun
    }

    [Theory]
    [InlineData(OutboxKind.CheckInPrompt)]
    [InlineData(OutboxKind.NewMessage)]
    [InlineData(OutboxKind.ClientReminder)]
    public void Outside_the_safe_times_a_prompt_a_new_message_notice_or_a_reminder_waits_up_to_a_day(OutboxKind kind)
    {
        var evenings = SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(19, 0), new TimeOnly(21, 0));
        var fridaysOnly = SafeTimes.Create(1 << (int)DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(10, 0));

        Assert.Equal(ContactDecision.Defer(MondayNoon.AddHours(7)), ContactSafetyPolicy.Decide(kind, Allowed(evenings), MondayNoon, Chicago));
        Assert.Equal(ContactDecision.Hold(HoldReason.OutsideSafeTimes), ContactSafetyPolicy.Decide(kind, Allowed(fridaysOnly), MondayNoon, Chicago));
    }

    [Theory]
    [InlineData(OutboxKind.Invitation)]
    [InlineData(OutboxKind.PasswordReset)]
    public void A_message_someone_waits_for_now_is_held_outside_the_safe_times_rather_than_delivered_hours_later(OutboxKind kind)
    {
        var evenings = SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(19, 0), new TimeOnly(21, 0));
        Assert.Equal(ContactDecision.Hold(HoldReason.OutsideSafeTimes), ContactSafetyPolicy.Decide(kind, Allowed(evenings), MondayNoon, Chicago));
    }

    [Fact]
    public void An_unknown_kind_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactSafetyPolicy.Decide((OutboxKind)99, null, MondayNoon, Chicago));
}
