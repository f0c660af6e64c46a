using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Cover;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>
/// Who an alert emails, over real SMTP: each clinician's own choice (imminent alerts always), the clinic's rating of contact
/// attempts, and the clinicians covering the client. A queued message is the ledger: no outbox row means no mail, ever.
/// </summary>
public sealed class AlertMailChoiceTests : IDisposable
{
    private const string Page = "/clinician/backup", MailChoice = "/clinician/backup/alert-mail";
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    private static async Task<ConcernSeverity> MailFromAsync(ClinicAppFactory app, Guid userId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Users.Where(u => u.Id == userId).Select(u => u.AlertMailFrom).SingleAsync();
    }

    /// <summary>A check-in alert ("I feel unsafe", a contact attempt), or with <paramref name="concern"/> that concern's alert.</summary>
    private static async Task RaiseAsync(ClinicAppFactory app, Guid clientId, AlertKind kind, SafetyConcern? concern = null)
    {
        await using var scope = app.SystemScope();
        var alerts = scope.ServiceProvider.GetRequiredService<ClinicianAlerts>();
        if (concern is not null) await alerts.AddAsync(clientId, AlertKind.ConcernRaised, concern.Severity, concern.Id);
        else await alerts.AddForCheckInAsync(clientId, kind);
        await app.SystemDb(scope).SaveChangesAsync();
    }

    /// <summary>Waits until every alert message about the client is sent, then returns who they went to.</summary>
    private static async Task<List<Guid>> SentToAsync(ClinicAppFactory app, Guid clientId)
    {
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>()
            .Where(m => m.ClientId == clientId && m.Kind == OutboxKind.UrgentAlert).AllAsync(m => m.Status == OutboxStatus.Sent), "alert mail sent");
        return (await ArrangeSafety.AlertMailRowsAsync(app, clientId)).Select(m => m.RecipientUserId!.Value).Order().ToList();
    }

    private void AssertMailedOnceEach(params string[] addresses)
    {
        foreach (var address in addresses)
        {
            var mail = Assert.Single(_smtp.Messages(), m => m.To == address);
            Assert.Equal(DiscreetMessages.UrgentAlertSubject, mail.Subject);
            Assert.Contains("You have an urgent alert. Sign in to see it.", mail.Body);
            Assert.Empty(DiscreetMessages.RevealingWordsIn(mail.Subject + "\n" + mail.Body));
        }
    }

    [Fact]
    public async Task A_clinician_who_asks_for_high_alerts_is_emailed_about_them_and_one_who_keeps_imminent_only_is_not()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        Assert.Equal(ConcernSeverity.Imminent, await MailFromAsync(app, riley)); // the default: imminent only
        var rileySession = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        Assert.Contains("checked=\"checked\" data-testid=\"mail-from-Imminent\"", await rileySession.GetPageAsync(Page));

        var saved = await rileySession.PostFormAsync(Page, MailChoice, [new("MailFrom", nameof(ConcernSeverity.High))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ConcernSeverity.High, await MailFromAsync(app, riley));
        Assert.Contains("checked=\"checked\" data-testid=\"mail-from-High\"", await rileySession.GetPageAsync(Page));
        await using (var scope = app.SystemScope())
            Assert.True(await app.SystemDb(scope).AuditEntries.AnyAsync(a => a.UserId == riley && a.Action == AuditActions.Update && a.RecordType == AuditRecords.Account));

        var rileys = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Hana Highmail");
        var morgans = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Quin Quietmail");
        var rileysModerate = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Mo Moderate");
        await RaiseAsync(app, rileys.Id, AlertKind.ConcernRaised, await ArrangeSafety.ConcernAsync(app, rileys, ConcernSeverity.High));
        await RaiseAsync(app, morgans.Id, AlertKind.ConcernRaised, await ArrangeSafety.ConcernAsync(app, morgans, ConcernSeverity.High));
        await RaiseAsync(app, rileysModerate.Id, AlertKind.ContactAttemptReported); // moderate, the clinic's default rating

        Assert.Equal([riley], await SentToAsync(app, rileys.Id));
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, morgans.Id)); // Morgan keeps imminent only
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, rileysModerate.Id)); // below Riley's choice
        AssertMailedOnceEach(Arrange.RileyEmail);
        Assert.DoesNotContain(_smtp.Messages(), m => m.To == Arrange.MorganEmail);

        // Whatever a clinician chose, an imminent alert emails them.
        await RaiseAsync(app, morgans.Id, AlertKind.ClientFeelsUnsafe);
        Assert.Equal([morgan], await SentToAsync(app, morgans.Id));
    }

    [Theory]
    [InlineData(nameof(ConcernSeverity.Low))]
    [InlineData("")]
    [InlineData("Sometimes")]
    [InlineData("7")]
    public async Task A_mail_choice_below_moderate_or_unreadable_is_refused_with_a_clear_message_and_nothing_is_saved(string choice)
    {
        await using var app = new DemoClinicApp();
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        var response = await session.PostFormAsync(Page, MailChoice, [new("MailFrom", choice)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(AlertRules.MailFromMessage), await response.Content.ReadAsStringAsync());
        Assert.Equal(AlertRules.MailFromMessage, BindingMessageAttribute.Of<Web.Areas.Clinician.Backup.AlertMailForm>(nameof(Web.Areas.Clinician.Backup.AlertMailForm.MailFrom)));
        Assert.Equal(ConcernSeverity.Imminent, await MailFromAsync(app, riley));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
    }

    [Fact]
    public async Task A_contact_attempt_is_rated_as_the_clinic_chooses_and_emails_accordingly()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var admin = await AdminArrange.AdminAsync(app);
        Assert.Contains("<option value=\"Moderate\" selected=\"selected\">Moderate</option>", await admin.GetPageAsync("/admin/settings"));

        // Moderate by default: on the caseload, no mail for a clinician who keeps imminent only.
        var first = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Cato Contacted");
        await ReportContactAttemptAsync(app, first);
        Assert.Equal(ConcernSeverity.Moderate, Assert.Single(await ArrangeSafety.AlertsAsync(app, first.Client.Id)).Severity);
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, first.Client.Id));

        // The clinic rates them imminent: the next one emails the clinician at once.
        var saved = await admin.PostFormAsync("/admin/settings", "/admin/settings", await SettingsFieldsAsync(app, nameof(ConcernSeverity.Imminent)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var second = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Dara Doorstep");
        await ReportContactAttemptAsync(app, second);
        Assert.Equal(ConcernSeverity.Imminent, Assert.Single(await ArrangeSafety.AlertsAsync(app, second.Client.Id)).Severity);
        Assert.Equal([morgan], await SentToAsync(app, second.Client.Id));
        AssertMailedOnceEach(Arrange.MorganEmail);
        var clinicianPage = await (await Arrange.SignedInAsync(app, Arrange.MorganEmail)).GetPageAsync(Page);
        Assert.Contains("data-testid=\"contact-attempt-rating\">imminent</strong>", clinicianPage);

        // A rating below moderate is refused with the page's words, and the clinic's choice stays.
        var refused = await admin.PostFormAsync("/admin/settings", "/admin/settings", await SettingsFieldsAsync(app, nameof(ConcernSeverity.Low)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(AlertRules.ContactAttemptSeverityMessage), await refused.Content.ReadAsStringAsync());
        await using var scope = app.SystemScope();
        Assert.Equal(ConcernSeverity.Imminent, (await app.SystemDb(scope).ClinicSettings.AsNoTracking().SingleAsync()).ContactAttemptSeverity);
    }

    [Fact]
    public async Task An_imminent_alert_also_emails_the_clinician_covering_the_client_now_and_not_one_whose_cover_ended()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = new ReminderApp(_smtp, new ManualClock(now));
        var (morgan, riley) = (await Arrange.UserIdAsync(app, Arrange.MorganEmail), await Arrange.UserIdAsync(app, Arrange.RileyEmail));
        var covered = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Cora Covered");
        var coverEnded = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Edda Ended");
        var coverRevoked = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Remy Revoked");
        await ArrangeCover.GrantAsync(app, covered, riley, now.AddHours(-1), now.AddDays(1));
        await ArrangeCover.GrantAsync(app, coverEnded, riley, now.AddDays(-3), now.AddMinutes(-1));
        await ArrangeCover.GrantAsync(app, coverRevoked, riley, now.AddHours(-1), now.AddDays(1), revokedAt: now.AddMinutes(-5));

        foreach (var client in new[] { covered, coverEnded, coverRevoked }) await RaiseAsync(app, client.Id, AlertKind.ClientFeelsUnsafe);

        Assert.Equal(new[] { morgan, riley }.Order(), await SentToAsync(app, covered.Id));
        Assert.Equal([morgan], await SentToAsync(app, coverEnded.Id));
        Assert.Equal([morgan], await SentToAsync(app, coverRevoked.Id));
        AssertMailedOnceEach(Arrange.RileyEmail);
        Assert.Equal(3, _smtp.Messages().Count(m => m.To == Arrange.MorganEmail));
    }

    [Fact]
    public async Task A_batch_of_alerts_about_several_clients_emails_each_clients_own_clinicians()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = new ReminderApp(_smtp, new ManualClock(now));
        var (morgan, riley) = (await Arrange.UserIdAsync(app, Arrange.MorganEmail), await Arrange.UserIdAsync(app, Arrange.RileyEmail));
        var covered = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Bea Batched");
        var uncovered = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ulla Uncovered");
        var rileys = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Rae Rileys");
        await ArrangeCover.GrantAsync(app, covered, riley, now.AddHours(-1), now.AddDays(1));

        await using (var scope = app.SystemScope())
        {
            var raised = await scope.ServiceProvider.GetRequiredService<ClinicianAlerts>().AddAllAsync(
                [.. new[] { covered, uncovered, rileys }.Select(c => new NewAlert(c.Id, AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent))]);
            Assert.Equal(3, raised.Count);
            await app.SystemDb(scope).SaveChangesAsync();
        }

        Assert.Equal(new[] { morgan, riley }.Order(), await SentToAsync(app, covered.Id));
        Assert.Equal([morgan], await SentToAsync(app, uncovered.Id));
        Assert.Equal([riley], await SentToAsync(app, rileys.Id));
    }

    private static async Task ReportContactAttemptAsync(ClinicAppFactory app, ClientLogin login)
    {
        var session = await CheckInArrange.SignedInAsync(app, login);
        var response = await session.PostFormAsync("/client/check-ins/new", "/client/check-ins/new",
            CheckInArrange.Form(attempted: "true", channel: nameof(Core.CheckIns.ContactChannel.Text)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The settings form with the clinic's current required fields (those left out keep their values) and a new contact-attempt rating.</summary>
    private static async Task<IEnumerable<KeyValuePair<string, string>>> SettingsFieldsAsync(ClinicAppFactory app, string rating)
    {
        await using var scope = app.SystemScope();
        var s = await app.SystemDb(scope).ClinicSettings.AsNoTracking().SingleAsync();
        return [new("Name", s.Name), new("TimeZoneId", s.TimeZoneId), new("ReminderLeadTimes", ClinicSettingsRules.FormatLeadTimes(s.ReminderLeadMinutes)),
            new("IdleTimeoutMinutes", s.IdleTimeoutMinutes.ToString()), new("ContactAttemptSeverity", rating)];
    }
}
