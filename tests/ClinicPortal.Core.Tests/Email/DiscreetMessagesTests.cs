using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Email;

public sealed class DiscreetMessagesTests
{
    private const string SignIn = "https://portal.example-clinic.test/account/sign-in";
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>One message of every kind a client can receive, in the given wording.</summary>
    public static IReadOnlyDictionary<OutboxKind, EmailMessage> EveryKind(MessageWording w) => new Dictionary<OutboxKind, EmailMessage>
    {
        [OutboxKind.SessionReminder] = DiscreetMessages.SessionReminder(w, "a@example.org", Start, Chicago, SessionModality.Video, SignIn, "session:1:2:3"),
        [OutboxKind.CheckInPrompt] = DiscreetMessages.CheckInPrompt(w, "a@example.org", SignIn, "prompt:1:2"),
        [OutboxKind.Invitation] = DiscreetMessages.Invitation(w, "a@example.org", "https://portal.test/account/invitation?token=abc", TimeSpan.FromHours(72)),
        [OutboxKind.PasswordReset] = DiscreetMessages.PasswordReset(w, "a@example.org", "https://portal.test/account/reset?token=abc", TimeSpan.FromMinutes(30)),
        [OutboxKind.UrgentAlert] = DiscreetMessages.UrgentAlert(w, "clinician@example.org", SignIn, "alert:1:2"),
        [OutboxKind.NewMessage] = DiscreetMessages.NewMessage(w, "a@example.org", SignIn, "message:1"),
        [OutboxKind.ClientReminder] = DiscreetMessages.ClientReminder(w, "a@example.org", SignIn, "client-reminder:1"),
        [OutboxKind.TransferNotice] = DiscreetMessages.TransferNotice(w, "clinician@example.org", SignIn, "transfernotice:1:2"),
        [OutboxKind.ReachNotice] = DiscreetMessages.ReachNotice(w, "admin@example.org", SignIn, "reachnotice:1:2"),
        [OutboxKind.StaffReminder] = DiscreetMessages.StaffReminder(w, "clinician@example.org", SignIn, "staff-reminder:1:2"),
    };

    [Fact]
    public void Every_kind_of_message_has_a_discreet_default_wording()
    {
        var messages = EveryKind(MessageWording.From(new ClinicSettings { Name = "Harbor Therapy Clinic" }));

        Assert.Equal(Enum.GetValues<OutboxKind>().Order(), messages.Keys.Order()); // a new kind needs its message here
        foreach (var (kind, m) in messages)
        {
            Assert.Empty(DiscreetMessages.RevealingWordsIn(m.Subject + "\n" + m.Body));
            Assert.DoesNotContain("Harbor", m.Subject + m.Body);
            Assert.Equal(MessageWording.DefaultSenderName, m.SenderName);
            Assert.Contains(m.Subject, new[] { "Appointment reminder", "A reminder for you", "Your account", DiscreetMessages.UrgentAlertSubject });
        }
        Assert.Contains("Tuesday 24 November 2026, 09:00 (America/Chicago)", messages[OutboxKind.SessionReminder].Body);
        Assert.Contains("How: Video", messages[OutboxKind.SessionReminder].Body);
        Assert.Contains("72 hours", messages[OutboxKind.Invitation].Body);
        Assert.Contains("30 minutes", messages[OutboxKind.PasswordReset].Body);
        Assert.StartsWith("You have an urgent alert. Sign in to see it.", messages[OutboxKind.UrgentAlert].Body);
        Assert.Equal("A client has been transferred from your caseload. Sign in to see it.\n\n" + SignIn, messages[OutboxKind.TransferNotice].Body.ReplaceLineEndings("\n"));
        Assert.StartsWith("A client was transferred to an account invited in the last 7 days. Sign in", messages[OutboxKind.ReachNotice].Body);
        Assert.Equal("You have a reminder. Sign in to see it.\n\n" + SignIn, messages[OutboxKind.StaffReminder].Body.ReplaceLineEndings("\n"));
        // The client's reminder says only that there is one: no date, no subject, nothing of what it is about.
        Assert.Equal("You have a reminder. Sign in to see it.\n\n" + SignIn, messages[OutboxKind.ClientReminder].Body.ReplaceLineEndings("\n"));
        Assert.Equal(MessageWording.DefaultPromptSubject, messages[OutboxKind.ClientReminder].Subject);
        // Content free: the fact and the sign-in page, nothing of the message and no link that opens it.
        Assert.Equal("You have a new message. Sign in to read it.\n\n" + SignIn, messages[OutboxKind.NewMessage].Body.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_clinic_may_choose_its_own_words_and_to_sign_with_its_name()
    {
        var settings = new ClinicSettings { Name = "Harbor Therapy Clinic", MessageSenderName = "Harbor", ReminderSubject = "Your Harbor appointment", MessagesNameClinic = true };
        var reminder = EveryKind(MessageWording.From(settings))[OutboxKind.SessionReminder];

        Assert.Equal("Harbor", reminder.SenderName);
        Assert.Equal("Your Harbor appointment", reminder.Subject);
        Assert.EndsWith("\n\nHarbor Therapy Clinic", reminder.Body);
        Assert.Equal(["therap", "clinic"], DiscreetMessages.RevealingWordsIn(reminder.Body));
    }

    [Fact]
    public void A_reminder_carries_a_video_link_only_when_given_one()
    {
        var without = DiscreetMessages.SessionReminder(MessageWording.Default, "a@example.org", Start, Chicago, SessionModality.Video, SignIn, "k");
        var with = DiscreetMessages.SessionReminder(MessageWording.Default, "a@example.org", Start, Chicago, SessionModality.Video, SignIn, "k", "https://meet.example.com/r");
        Assert.DoesNotContain("Join:", without.Body);
        Assert.Contains("How: Video\nJoin: https://meet.example.com/r\n\nSign in for details", with.Body.ReplaceLineEndings("\n"));
        Assert.Equal(without.Body.ReplaceLineEndings("\n"), with.Body.ReplaceLineEndings("\n").Replace("\nJoin: https://meet.example.com/r", ""));
    }

    [Fact]
    public void The_check_finds_revealing_words_but_not_in_web_addresses()
    {
        Assert.Equal(["counsel", "session"], DiscreetMessages.RevealingWordsIn("Your Counselling Session"));
        Assert.Empty(DiscreetMessages.RevealingWordsIn("Sign in: https://therapy-portal.example/account/sign-in"));
    }

    [Fact]
    public void A_message_id_is_the_same_for_the_same_message_and_says_nothing()
    {
        var id = DiscreetMessages.OpaqueId("session:abc:202611241500:120");
        Assert.Equal(id, DiscreetMessages.OpaqueId("session:abc:202611241500:120"));
        Assert.NotEqual(id, DiscreetMessages.OpaqueId("session:abc:202611241500:1440"));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }
}
