using System.Net;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>
/// Escalation over real SMTP on a hand-driven clock: an imminent alert nobody acknowledges goes to the clinician's backup after
/// N minutes, then to the administrators after M more, as content-free notices; administrators see counts by age only.
/// </summary>
public sealed class EscalationTests : IDisposable
{
    private readonly SmtpSink _smtp = new();
    private readonly DateTimeOffset _t0 = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(13), TimeSpan.Zero);

    public void Dispose() => _smtp.Dispose();

    private static async Task<List<OutboxMessage>> RowsAsync(ClinicAppFactory app, Guid clientId) => await ArrangeSafety.AlertMailRowsAsync(app, clientId);

    [Fact]
    public async Task An_unacknowledged_imminent_alert_reaches_the_backup_after_N_minutes_then_the_administrators_after_M_more()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync("/clinician/backup", "/clinician/backup", [new("BackupClinicianId", riley.ToString())])).StatusCode);
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Esme Escalate");
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ivo Ignored");
        var other = login.Client;
        await using (var scope = app.SystemScope())
        {
            var alerts = scope.ServiceProvider.GetRequiredService<ClinicianAlerts>();
            await alerts.AddForCheckInAsync(client.Id, AlertKind.ClientFeelsUnsafe);
            await alerts.AddForCheckInAsync(other.Id, AlertKind.ClientFeelsUnsafe);
            await app.SystemDb(scope).SaveChangesAsync();
        }
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().CountAsync(m => (m.ClientId == client.Id || m.ClientId == other.Id)
            && m.Kind == OutboxKind.UrgentAlert && m.Status == OutboxStatus.Sent) == 2, "the primary clinician's two notices");
        // The other alert is acknowledged in time: it never escalates.
        var otherAlert = Assert.Single(await ArrangeSafety.AlertsAsync(app, other.Id));
        await morgan.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{otherAlert.Id}/acknowledge", [new("Response", "CalledClient")]);

        // The clock runs on in real time from _t0: steps are timed from the alert's own raise time, as the job times them.
        var raisedAt = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id)).RaisedAt;
        app.Clock.Set(raisedAt.AddMinutes(14));
        await ArrangeSafety.EscalateAsync(app);
        Assert.Single(await RowsAsync(app, client.Id)); // not yet

        app.Clock.Set(raisedAt.AddMinutes(15));
        await ArrangeSafety.EscalateAsync(app);
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id
            && m.RecipientUserId == riley && m.Status == OutboxStatus.Sent), "the backup's notice sent");
        // Every escalation notice to Riley is sent exactly once (the demo clinic's own open alert was passed on long ago).
        var toRiley = await DeliveredOnceAsync(app, riley, Arrange.RileyEmail);
        Assert.All(toRiley, m => Assert.Contains("You have an urgent alert. Sign in to see it.", m.Body));
        Assert.Equal(EscalationLevel.Backup, Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id)).EscalationLevel);

        // Riley, as the backup, sees that it waits and whose client it is, never who the client is.
        var rileySession = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var rileyAlerts = await rileySession.GetPageAsync("/clinician/alerts");
        Assert.Contains("data-testid=\"escalated-alert\"", rileyAlerts);
        Assert.Contains("a client of <strong>Dr. Morgan Example</strong>", rileyAlerts);
        Assert.DoesNotContain("Esme", rileyAlerts);

        // Administrators see how long alerts wait, as counts only.
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var home = await admin.GetPageAsync("/admin");
        Assert.Contains("15 to 60 minutes", home);
        Assert.DoesNotContain("Esme", home);

        var escalatedAt = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id)).EscalatedAt!.Value;
        app.Clock.Set(escalatedAt.AddMinutes(14));
        await ArrangeSafety.EscalateAsync(app);
        Assert.Equal(2, (await RowsAsync(app, client.Id)).Count);

        app.Clock.Set(escalatedAt.AddMinutes(15));
        await ArrangeSafety.EscalateAsync(app);
        await ArrangeSafety.EscalateAsync(app); // a second pass adds nothing
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().CountAsync(m => m.ClientId == client.Id
            && m.Kind == OutboxKind.UrgentAlert && m.Status == OutboxStatus.Sent) == 3, "the administrators' notice sent");
        var toAdmin = await DeliveredOnceAsync(app, await Arrange.UserIdAsync(app, DemoLogins.AdminEmail), DemoLogins.AdminEmail);
        Assert.All(toAdmin, m => Assert.Equal(DiscreetMessages.UrgentAlertSubject, m.Subject));
        foreach (var mail in toRiley.Concat(toAdmin))
            foreach (var word in new[] { "Esme", "Escalate", "Morgan", "unsafe", "imminent", "backup", "escalat" })
                Assert.DoesNotContain(word, mail.Subject + mail.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(EscalationLevel.Administrators, Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id)).EscalationLevel);
        Assert.Single(await RowsAsync(app, other.Id)); // acknowledged in time: only the first notice
    }

    /// <summary>Waits until every alert notice to the user is sent, then returns their mail: exactly one message per row.</summary>
    private async Task<IReadOnlyList<ReceivedMail>> DeliveredOnceAsync(ClinicAppFactory app, Guid userId, string email)
    {
        var rows = 0;
        await MessageArrange.WaitForAsync(app, async db =>
        {
            var mine = await db.Set<OutboxMessage>().Where(m => m.RecipientUserId == userId).ToListAsync();
            rows = mine.Count;
            return mine.All(m => m.Status == OutboxStatus.Sent);
        }, $"every notice to {email} sent");
        var mail = _smtp.Messages().Where(m => m.To == email).ToList();
        Assert.Equal(rows, mail.Count);
        Assert.Equal(rows, mail.Select(m => m.MessageId).Distinct().Count());
        return mail;
    }

    [Fact]
    public async Task A_backup_that_is_oneself_an_inactive_clinician_or_not_a_clinician_is_refused_and_nothing_is_saved()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var me = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var inactive = await ReminderArrange.CreateClinicianAsync(app);
        await CheckInArrange.SqlAsync(app, $"UPDATE users SET is_active = false WHERE id = {inactive}");
        var admin = await Arrange.UserIdAsync(app, DemoLogins.AdminEmail);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var (choice, message) in new[] { (me.ToString(), "your own"), (inactive.ToString(), "active clinician"), (admin.ToString(), "active clinician"),
                     ("not-an-id", "Choose a clinician from the list.") })
        {
            var response = await morgan.PostFormAsync("/clinician/backup", "/clinician/backup", [new("BackupClinicianId", choice)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
        await using (var scope = app.SystemScope())
            Assert.Null(await app.SystemDb(scope).Users.Where(u => u.Id == me).Select(u => u.BackupClinicianId).SingleAsync());
        Assert.DoesNotContain("Dr. Morgan Example</option>", await morgan.GetPageAsync("/clinician/backup")); // never offered oneself
    }
}
