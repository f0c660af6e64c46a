using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.ContactSafety;

/// <summary>The client's side: they see their profile, can only make it stricter, and choose discreet mode.</summary>
public sealed class ClientContactSafetyTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Page = "/client/contact-safety";

    [Fact]
    public async Task The_client_sees_what_was_agreed_and_the_read_is_audited()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Sia Sees");
        await ContactSafetyArrange.ProfileAsync(app, login.Client.Id, ContactChannels.Email | ContactChannels.Phone, neverContact: "Dana (sister)");
        var s = await CheckInArrange.SignedInAsync(app, login);

        var page = await s.GetPageAsync(Page);

        Assert.Contains("Email, Phone calls and voicemail", page);
        Assert.Contains("Dana (sister)", page);
        Assert.Contains("Agreed in session.", page);
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.ContactSafetyProfile, UserId: var u } && u == login.UserId);
    }

    [Fact]
    public async Task The_client_turns_email_off_and_says_their_phone_may_be_watched()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Tia Tighter");
        await ContactSafetyArrange.ProfileAsync(app, login.Client.Id, ContactChannels.Email | ContactChannels.Phone);
        var s = await CheckInArrange.SignedInAsync(app, login);

        var saved = await s.PostFormAsync(Page, Page, [new("SafeChannels", "Phone"), new("MayBeMonitored", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await ContactSafetyArrange.StoredAsync(app, login.Client.Id);
        Assert.Equal((ContactChannels.Phone, true, login.UserId), (stored!.SafeChannels, stored.MayBeMonitored, stored.UpdatedById));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.ContactSafetyProfile });
        Assert.Contains("Yes: we send you no email", await s.GetPageAsync(Page));
    }

    public static TheoryData<string, string[]> Loosenings => new()
    {
        { "a channel that is off", ["SafeChannels=Email", "SafeChannels=Text"] },
        { "'may be watched' taken back", ["SafeChannels=Email"] },
        { "an unknown channel", ["SafeChannels=16", "MayBeMonitored=true"] },
    };

    [Theory]
    [MemberData(nameof(Loosenings))]
    public async Task A_client_can_never_loosen_their_profile_and_nothing_is_saved(string what, string[] fields)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Lou Looser");
        await ContactSafetyArrange.ProfileAsync(app, login.Client.Id, ContactChannels.Email, monitored: true);
        var s = await CheckInArrange.SignedInAsync(app, login);
        var before = await Arrange.FingerprintAsync(app, includeAudit: false);

        var response = await s.PostFormAsync(Page, Page, fields.Select(f => f.Split('=')).Select(f => new KeyValuePair<string, string>(f[0], f[1])));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {response.StatusCode} {response.Headers.Location}");
        Assert.True(html.Contains(WebUtility.HtmlEncode(ContactSafetyProfile.LoosenMessage)) || html.Contains(ContactSafetyProfile.UnknownChannelMessage), what);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: false));
        var stored = await ContactSafetyArrange.StoredAsync(app, login.Client.Id);
        Assert.Equal((ContactChannels.Email, true), (stored!.SafeChannels, stored.MayBeMonitored));
    }

    [Fact]
    public async Task Before_anything_is_recorded_the_client_can_still_stop_email_themself()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Nia Norecord");
        var s = await CheckInArrange.SignedInAsync(app, login);
        Assert.Contains("has not filled this in with you yet", await s.GetPageAsync(Page));

        await s.PostFormAsync(Page, Page, [new("SafeChannels", "Email")]); // nothing stricter: nothing recorded
        Assert.Null(await ContactSafetyArrange.StoredAsync(app, login.Client.Id));
        await s.PostFormAsync(Page, Page, []);                              // email off
        Assert.Equal(ContactSafetyLevel.NoEmail, ContactSafetyLevels.Of(await ContactSafetyArrange.StoredAsync(app, login.Client.Id)));

        // The clinician sees the badge change on the caseload.
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var caseload = await clinician.GetPageAsync("/clinician");
        var row = caseload[caseload.IndexOf("Nia Norecord", StringComparison.Ordinal)..];
        Assert.Contains("data-level=\"NoEmail\"", row[..row.IndexOf("</td>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Discreet_mode_gives_neutral_titles_a_folded_help_control_and_nothing_red()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Di Discreet");
        var s = await CheckInArrange.SignedInAsync(app, login);
        var plain = await s.GetPageAsync("/client");
        Assert.Matches("<title>My space [^<]+ ClinicPortal</title>", plain);
        Assert.Contains("btn-danger", plain);

        var on = await s.PostFormAsync(Page, $"{Page}/discreet?on=true", []);
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);

        foreach (var path in new[] { "/client", "/client/check-ins/new", "/client/unsafe", Page })
        {
            var page = await s.GetPageAsync(path);
            Assert.Contains("<title>Account</title>", page);
            Assert.DoesNotContain("ClinicPortal", page[..page.IndexOf("<main", StringComparison.Ordinal)]); // nothing in the head or header names it
            Assert.DoesNotContain("btn-danger", page);           // nothing red (the e2e test checks the colours on screen)
            Assert.DoesNotContain("btn-outline-danger", page);
            Assert.Contains("tel:911", page); // the numbers are still there, one tap away
            if (path != "/client/unsafe") Assert.Contains("data-testid=\"help-fold\"", page);
        }
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.DiscreetMode });

        await s.PostFormAsync(Page, $"{Page}/discreet?on=false", []);
        Assert.Matches("<title>My space [^<]+ ClinicPortal</title>", await s.GetPageAsync("/client"));
    }

    [Fact]
    public async Task A_held_reminder_and_a_held_prompt_show_in_the_clients_space_instead()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Hal Held");
        var session = await Arrange.SessionAsync(app, login.Client, DateTimeOffset.UtcNow.AddDays(2));
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            db.Add(OutboxMessage.RecordHeld(OutboxKind.CheckInPrompt, login.Client.Id, HoldReason.EmailNotSafe, DateTimeOffset.UtcNow.AddHours(-1)));
            await db.SaveChangesAsync();
            // A held reminder for the session, as the dispatcher records it.
            var reminder = OutboxMessage.Queue(ReminderPlan.SessionKey(session.Id, session.StartsAt, 1440), OutboxKind.SessionReminder, login.Client.Id, session.Id,
                DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(-2));
            db.Add(reminder);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE outbox_messages SET status = {(int)OutboxStatus.Held}, hold_reason = 1 WHERE id = {reminder.Id}");
        }
        var s = await CheckInArrange.SignedInAsync(app, login);

        var home = await s.GetPageAsync("/client");

        Assert.Contains("data-testid=\"held-notices\"", home);
        Assert.Contains("It is time for your check-in", home);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(login.Client.TimeZoneId);
        Assert.Contains($"Appointment: {TimeZoneInfo.ConvertTime(session.StartsAt, zone):dddd d MMMM, HH:mm} · Video", home);

        // Once the client checks in, the prompt notice goes.
        await CheckInArrange.CheckInAsync(app, login.Client.Id, DateTimeOffset.UtcNow);
        Assert.DoesNotContain("It is time for your check-in", await s.GetPageAsync("/client"));
        // Another client sees none of it.
        var other = await CheckInArrange.SignedInAsync(app, await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Oli Other"));
        Assert.DoesNotContain("held-notices", await other.GetPageAsync("/client"));
    }
}
