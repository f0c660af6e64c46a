using System.Net;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.IntegrationTests.ContactSafety;

/// <summary>
/// Every kind of message to a client goes through the contact-safety policy, over real SMTP on loopback: nothing
/// reaches a client whose email is unsafe or watched, each hold is recorded, and safe clients' mail in the same run arrives.
/// </summary>
public sealed class MessagePolicyTests : IDisposable
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private readonly SmtpSink _smtp = new();
    private readonly DateTimeOffset _t0 = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(13), TimeSpan.Zero);

    public void Dispose() => _smtp.Dispose();

    private IReadOnlyList<ReceivedMail> MailTo(string address) => _smtp.Messages().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    [Fact]
    public async Task No_kind_of_message_reaches_an_unsafe_or_watched_inbox_and_each_is_recorded_as_held()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var unsafeClient = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Una Unsafe", "una.unsafe@example.org");
        var watched = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Wes Watched", "wes.watched@example.org");
        var safe = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Sal Safe", "sal.safe@example.org");
        await ContactSafetyArrange.ProfileAsync(app, unsafeClient.Id, ContactChannels.Phone | ContactChannels.Text);
        await ContactSafetyArrange.ProfileAsync(app, watched.Id, ContactChannels.Email, monitored: true);
        await ContactSafetyArrange.ProfileAsync(app, safe.Id, ContactChannels.Email);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var gate = app.Services.GetRequiredService<ContactSafetyGate>();

        var kinds = new Dictionary<Guid, OutboxKind[]>();
        foreach (var client in new[] { unsafeClient, watched, safe })
        {
            // Queued kinds, due now: the dispatcher decides them.
            await MessageArrange.ReminderAsync(app, client, _t0.AddHours(3), _t0.AddMinutes(-1));
            await MessageArrange.PromptAsync(app, client.Id, _t0.AddMinutes(-1));
            await MessageArrange.NewMessageNoticeAsync(app, client.Id, _t0.AddMinutes(-1));
            await MessageArrange.ClientReminderAsync(app, client.Id, _t0.AddMinutes(-1));
            // Sent-at-once kinds: the invitation from the clinician's page; the password reset through the same gate
            // the forgotten-password page calls.
            var overview = $"/clinician/clients/{client.Id}";
            Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(overview, $"{overview}/invite", [])).StatusCode);
            var reset = await gate.CheckNowAsync(client.Id, OutboxKind.PasswordReset, CancellationToken.None);
            Assert.Equal(client == safe, reset.Sends);
        }

        // Held is final: once every message to the two is held, none can go out later. The safe client's messages in the
        // same run arrive, so the silence is the policy's, not a slow dispatcher's.
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Held
            && (m.ClientId == unsafeClient.Id || m.ClientId == watched.Id)) == 12, "every message to the two unsafe clients held");
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().CountAsync(m => m.ClientId == safe.Id && m.Status == OutboxStatus.Sent) == 4,
            "the safe client's queued messages sent");

        Assert.Equal(5, MailTo("sal.safe@example.org").Count);
        Assert.Empty(MailTo("una.unsafe@example.org"));
        Assert.Empty(MailTo("wes.watched@example.org"));
        foreach (var (client, reason) in new[] { (unsafeClient, HoldReason.EmailNotSafe), (watched, HoldReason.MayBeMonitored) })
        {
            var rows = await MessageArrange.RowsAsync(app, client.Id);
            Assert.Equal(Enum.GetValues<OutboxKind>().Where(k => !OutboxKinds.IsToStaff(k)).Order(), rows.Select(r => r.Kind).Order()); // every kind to a client, each held once
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Held, reason), (r.Status, r.HoldReason!.Value)));
        }
        Assert.DoesNotContain(await MessageArrange.RowsAsync(app, safe.Id), r => r.Status == OutboxStatus.Held);

        // The clinician is told at once when an invitation is held, and sees every hold with its reason.
        var overviewPage = await clinician.GetPageAsync($"/clinician/clients/{unsafeClient.Id}/contact-safety");
        Assert.Equal(6, overviewPage.Split("data-testid=\"held-message\"").Length - 1);
        Assert.Contains(ContactSafetyLabels.Of(HoldReason.EmailNotSafe), overviewPage);

        // Administrators see that messages were held, to whom (masked), never why.
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var outbox = await admin.GetPageAsync("/admin/outbox?status=Held");
        Assert.Contains(ContactSafetyLabels.Held, outbox);
        Assert.Contains("u***@example.org", outbox);
        Assert.Contains("w***@example.org", outbox);
        Assert.DoesNotContain("una.unsafe", outbox);
        Assert.DoesNotContain(ContactSafetyLabels.Of(HoldReason.MayBeMonitored), outbox);
        Assert.DoesNotContain(ContactSafetyLabels.Of(HoldReason.EmailNotSafe), outbox);
    }

    [Fact]
    public async Task The_clinician_learns_at_once_that_an_invitation_was_held_and_no_link_is_made()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ina Invite", "ina.invite@example.org");
        await ContactSafetyArrange.ProfileAsync(app, client.Id, ContactChannels.Email, monitored: true);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = $"/clinician/clients/{client.Id}";

        var response = await clinician.PostFormAsync(overview, $"{overview}/invite", []);
        var page = await clinician.GetPageAsync(overview);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ContactSafetyLabels.Held + ": the invitation was not sent"), page);
        await using var scope = app.SystemScope();
        Assert.False(await app.SystemDb(scope).OneTimeTokens.AnyAsync(t => t.SubjectId == client.Id)); // no link exists to leak
        Assert.Empty(MailTo("ina.invite@example.org"));
    }

    [Fact]
    public async Task Outside_the_safe_times_a_reminder_waits_for_the_clients_next_safe_time_and_then_goes()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tim Times", "tim.times@example.org");
        var window = SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(9, 0), new TimeOnly(10, 0)); // the client's own (Chicago) time
        Assert.False(window.Contains(_t0, Chicago));
        var opens = window.NextStart(_t0, Chicago);
        await ContactSafetyArrange.ProfileAsync(app, client.Id, ContactChannels.Email, times: window);
        var id = await MessageArrange.ReminderAsync(app, client, opens.AddHours(3), _t0.AddMinutes(-1));

        await MessageArrange.WaitForAsync(app, db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt == opens),
            "the reminder put back until the safe time opens");
        Assert.Empty(MailTo("tim.times@example.org"));
        Assert.Equal(0, (await MessageArrange.RowsAsync(app, client.Id)).Single().Attempts); // waiting is not a failed attempt

        app.Clock.Set(opens.AddMinutes(1));
        await MessageArrange.WaitForAsync(app, db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == id && m.Status == OutboxStatus.Sent), "the reminder sent in the safe time");
        Assert.Single(MailTo("tim.times@example.org"));
    }

    [Fact]
    public async Task Every_kind_of_message_is_discreet_by_default_and_uses_the_clinics_own_words_when_it_chooses()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Dot Discreet", "dot.discreet@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await MessageArrange.ReminderAsync(app, client, _t0.AddHours(3), _t0.AddMinutes(-1));
        await MessageArrange.PromptAsync(app, client.Id, _t0.AddMinutes(-1));
        await MessageArrange.NewMessageNoticeAsync(app, client.Id, _t0.AddMinutes(-1));
        var overview = $"/clinician/clients/{client.Id}";
        await clinician.PostFormAsync(overview, $"{overview}/invite", []);
        // The forgotten-password page (still to come) sends this message through the same sender.
        await app.Services.GetRequiredService<IEmailSender>().SendAsync(
            DiscreetMessages.PasswordReset(MessageWording.Default, "dot.discreet@example.org", "https://portal.example.test/account/reset?token=x", TimeSpan.FromMinutes(30)));

        await MessageArrange.WaitForAsync(app, _ => Task.FromResult(MailTo("dot.discreet@example.org").Count == 5), "one message of every kind");
        foreach (var m in MailTo("dot.discreet@example.org"))
        {
            Assert.Empty(DiscreetMessages.RevealingWordsIn(m.Subject + "\n" + m.Body));
            Assert.Contains(m.Subject, new[] { "Appointment reminder", "A reminder for you", "Your account" });
            Assert.StartsWith("Notifications", m.From.Trim('"'));
            foreach (var name in new[] { "Dot", "Morgan", "Example", "ClinicPortal", "Confidential" })
                Assert.DoesNotContain(name, m.Subject + m.Body);
        }

        // The clinic chooses its own words.
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var saved = await admin.PostFormAsync("/admin/settings", "/admin/settings",
        [
            new("Name", "Harbor Counselling"), new("TimeZoneId", "America/New_York"), new("ReminderLeadTimes", "24h, 2h"), new("IdleTimeoutMinutes", "20"),
            new("MessageSenderName", "Harbor"), new("ReminderSubject", "Your Harbor visit"), new("PromptSubject", "Hello"), new("AccountSubject", "Account"),
            new("MessagesNameClinic", "true"), new("QuickExitUrl", "https://www.google.com/"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await MessageArrange.ReminderAsync(app, client, _t0.AddHours(4), _t0.AddMinutes(-1));
        await MessageArrange.WaitForAsync(app, _ => Task.FromResult(MailTo("dot.discreet@example.org").Count == 6), "the reminder in the clinic's words");
        var chosen = MailTo("dot.discreet@example.org").Single(m => m.Subject == "Your Harbor visit");
        Assert.StartsWith("Harbor", chosen.From.Trim('"'));
        Assert.EndsWith("Harbor Counselling", chosen.Body.TrimEnd());
    }
}
