using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>The clinician is emailed about an alert only once it is stored: after the commit, never for a save that failed or was undone.</summary>
public sealed class AlertNotificationTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task An_alert_in_a_transaction_emails_when_it_commits_and_not_before()
    {
        var client = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Tia Transaction");
        var mailBefore = ArrangeSafety.Mail(app);

        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await scope.ServiceProvider.GetRequiredService<ClinicianAlerts>().AddForCheckInAsync(client.Id, AlertKind.ClientFeelsUnsafe);
            await db.SaveChangesAsync();
            // Saved, not yet committed: no other connection sees the alert or its outbox row, and nothing is sent.
            Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, client.Id));
            Assert.Empty(ArrangeSafety.Mail(app).Except(mailBefore));
            await tx.CommitAsync();
        }

        Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Contains(Arrange.RileyEmail, Assert.Single(await ArrangeSafety.AlertMailAsync(app, client.Id, 1, mailBefore)));
    }

    [Fact]
    public async Task An_alert_rolled_back_or_refused_by_the_database_emails_no_one()
    {
        var client = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Rolf Rollback");
        var mailBefore = ArrangeSafety.Mail(app);

        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<ClinicianAlerts>().AddForCheckInAsync(client.Id, AlertKind.ClientFeelsUnsafe);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            await scope.ServiceProvider.GetRequiredService<ClinicianAlerts>().AddForCheckInAsync(Guid.NewGuid(), AlertKind.ClientFeelsUnsafe); // no such client
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            await Arrange.ClientAsync(app, Arrange.RileyEmail, "Later Save"); // later work commits; the refused alert stays unsent
            await db.SaveChangesAsync();
        }

        Assert.Empty(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, client.Id)); // the outbox row went with the alert
        Assert.Empty(ArrangeSafety.Mail(app).Except(mailBefore));
    }
}
