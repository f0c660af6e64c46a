using System.Net;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>Alert mail over real SMTP through the outbox: retried while the server is down, delivered once when it is back.</summary>
public sealed class AlertMailDeliveryTests : IDisposable
{
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task An_unsafe_alert_raised_while_the_mail_server_is_down_is_stored_told_and_mailed_once_when_it_returns()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Mira Maildown");
        var session = await CheckInArrange.SignedInAsync(app, login);
        _smtp.Stop();

        var response = await session.PostFormAsync("/client", "/client/unsafe", []);

        // The page does not wait for mail: the alert is stored and the client is told so, with the server down.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"clinician-told\"", await response.Content.ReadAsStringAsync());
        Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == login.Client.Id
            && m.Kind == OutboxKind.UrgentAlert && m.Status == OutboxStatus.Pending && m.Attempts >= 1 && m.LastError != null), "a failed first attempt, queued again");
        Assert.Empty(_smtp.Messages().Where(m => m.To == Arrange.MorganEmail));

        _smtp.Start();
        app.Clock.Advance(TimeSpan.FromMinutes(10)); // past the backoff
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == login.Client.Id
            && m.Kind == OutboxKind.UrgentAlert && m.Status == OutboxStatus.Sent), "the alert mail sent");

        var row = Assert.Single(await ArrangeSafety.AlertMailRowsAsync(app, login.Client.Id)); // sent, so nothing more can follow
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var mail = Assert.Single(_smtp.Messages().Where(m => m.To == Arrange.MorganEmail));
        Assert.Equal(DiscreetMessages.UrgentAlertSubject, mail.Subject);
        Assert.Contains("You have an urgent alert. Sign in to see it.", mail.Body);
        Assert.Contains("https://portal.example.test/account/sign-in", mail.Body);
        foreach (var word in new[] { "Mira", "Maildown", "unsafe", "safety", "crisis", "client" })
            Assert.DoesNotContain(word, mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(DiscreetMessages.RevealingWordsIn(mail.Subject + "\n" + mail.Body));
    }
}
