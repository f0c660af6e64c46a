using ClinicPortal.Core.Email;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.Infrastructure.ProtectiveOrders;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.ProtectiveOrders;

/// <summary>
/// The expiry reminder over real SMTP: the recurring job reminds the clinician once per order and expiry date (in the app and by
/// a content-free email), a rerun or a racing run adds nothing, a new expiry date reminds again, and nothing names the client,
/// the person, the court or the order — not the mail, not Hangfire's tables.
/// </summary>
public sealed class ProtectiveOrderReminderTests : IDisposable
{
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task An_order_expiring_soon_reminds_its_clinician_exactly_once_with_a_mail_that_names_nothing()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tobin Tellnobody");
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        var today = Arrange.ClinicToday();
        var due = await OrderArrange.OrderAsync(app, client, person, OrderArrange.Details(expires: today.AddDays(ProtectiveOrder.ReminderDays - 4)));
        var later = await OrderArrange.OrderAsync(app, client, person, OrderArrange.Details(expires: today.AddDays(ProtectiveOrder.ReminderDays + 5)));
        var ended = await OrderArrange.OrderAsync(app, client, person, OrderArrange.Details(expires: today.AddDays(3)));
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            var order = await db.Set<ProtectiveOrder>().SingleAsync(o => o.Id == ended.Id);
            order.EndEarly(today, "Dismissed", client.PrimaryClinicianId, today, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        // The real recurring job, as Hangfire runs it: no arguments.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(JobSchedules.ProtectiveOrderReminders);
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id
            && m.Kind == OutboxKind.StaffReminder && m.Status == OutboxStatus.Sent), "the reminder mail sent");

        // A rerun, and two racing runs past the job's lock, add nothing.
        var racing = await Task.WhenAll(RemindAsync(app), RemindAsync(app));
        Assert.Equal(new[] { 0, 0 }, racing);
        Assert.Equal(0, await RemindAsync(app));

        var reminder = Assert.Single(await RemindersAsync(app, client.Id));
        Assert.Equal((due.Id, due.ExpiresOn!.Value), (reminder.OrderId, reminder.ExpiresOn));
        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Equal((AlertKind.ProtectiveOrderExpiring, ConcernSeverity.Low, reminder.AlertId), (alert.Kind, alert.Severity, alert.Id));
        var mail = Assert.Single(_smtp.Messages(), m => m.To == Arrange.MorganEmail);
        Assert.StartsWith("You have a reminder. Sign in to see it.", mail.Body);
        foreach (var word in new[] { "Tobin", "Tellnobody", "Rex", "Respondent", OrderArrange.Court, "Springfield", OrderArrange.Number, "order", "court",
                     "protective", "incident", "expir", "client" })
            Assert.DoesNotContain(word, mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(DiscreetMessages.RevealingWordsIn(mail.Subject + "\n" + mail.Body));

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Contains(SafetyLabels.Of(AlertKind.ProtectiveOrderExpiring), await morgan.GetPageAsync("/clinician/alerts"));

        // Hangfire's tables hold the job by its name alone: nothing about the client or the order.
        var hangfire = await ReminderDeliveryTests.HangfireTextAsync(app.ConnectionString);
        Assert.Contains(nameof(ProtectiveOrderReminderJob), hangfire);
        foreach (var word in new[] { "Tobin", "Rex Respondent", OrderArrange.Court, OrderArrange.Number, client.Id.ToString(), due.Id.ToString() })
            Assert.DoesNotContain(word, hangfire);

        // A new expiry date is a new reminder; the orders not due stay unreminded.
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            var order = await db.Set<ProtectiveOrder>().SingleAsync(o => o.Id == due.Id);
            order.Update(await db.Set<Core.BoundaryPlans.Boundary>().SingleAsync(b => b.Id == person.Id),
                OrderArrange.Details(expires: today.AddDays(ProtectiveOrder.ReminderDays - 1)), client.PrimaryClinicianId, today, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await RemindAsync(app));
        Assert.Equal(0, await RemindAsync(app));
        var reminders = await RemindersAsync(app, client.Id);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(due.Id, r.OrderId));
        Assert.DoesNotContain(reminders, r => r.OrderId == later.Id || r.OrderId == ended.Id);
    }

    private static async Task<int> RemindAsync(ClinicAppFactory app)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ProtectiveOrderReminders>().RemindDueAsync();
    }

    private static async Task<List<ProtectiveOrderReminder>> RemindersAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ProtectiveOrderReminder>().AsNoTracking().Where(r => r.ClientId == clientId).OrderBy(r => r.RemindedAt).ToListAsync();
    }
}
