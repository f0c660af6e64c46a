using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.ProtectiveOrders;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.ProtectiveOrders;

/// <summary>
/// The client's side of an order's expiry reminder, over real SMTP: the job reminds the client once per order and expiry date with
/// a mail that says only that there is a reminder (or holds it, as their contact-safety profile says).
/// </summary>
public sealed class ClientOrderReminderTests : IDisposable
{
    private const string ClientEmail = "tess.tellnobody@example.org";
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task The_job_reminds_the_client_once_with_a_mail_that_names_nothing()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tess Tellnobody", ClientEmail);
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        var expires = Arrange.ClinicToday().AddDays(ProtectiveOrder.ReminderDays - 4);
        var order = await OrderArrange.OrderAsync(app, client, person, OrderArrange.Details(expires: expires));

        Assert.Equal(1, await RemindAsync(app));
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id
            && m.Kind == OutboxKind.ClientReminder && m.Status == OutboxStatus.Sent), "the client's reminder sent");
        Assert.Equal(0, await RemindAsync(app)); // a rerun: nothing more

        var reminder = Assert.Single(await RemindersAsync(app, client.Id));
        Assert.Equal(order.Id, reminder.OrderId);
        Assert.NotNull(reminder.ClientRemindedAt);
        Assert.Single(await ClientRemindersAsync(app, client.Id));
        var mail = Assert.Single(_smtp.Messages(), m => m.To == ClientEmail);
        Assert.Equal(MessageWording.DefaultPromptSubject, mail.Subject);
        Assert.StartsWith("You have a reminder. Sign in to see it.", mail.Body);
        Assert.Empty(DiscreetMessages.RevealingWordsIn(mail.Subject + "\n" + mail.Body));
        foreach (var word in new[] { "Tess", "Tellnobody", "Rex", "Respondent", "Morgan", OrderArrange.Court, OrderArrange.Number, "order", "court",
                     "protective", "expir", expires.ToString("d MMMM"), expires.ToString("yyyy-MM-dd"), expires.ToString("MMMM") })
            Assert.DoesNotContain(word, mail.Subject + "\n" + mail.Body, StringComparison.OrdinalIgnoreCase); // the address is the client's own
    }

    [Fact]
    public async Task A_reminder_written_before_the_clients_side_reminds_the_client_once_and_not_the_clinician_again()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow), batchSize: 0); // nothing is sent here
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tess Tellnobody", ClientEmail);
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        await OrderArrange.OrderAsync(app, client, person, OrderArrange.Details(expires: Arrange.ClinicToday().AddDays(3)));
        Assert.Equal(1, await RemindAsync(app));
        // As the record stood before migration 0135: the clinician reminded, the client not.
        await CheckInArrange.SqlAsync(app, $"UPDATE protective_order_reminders SET client_reminded_at = NULL WHERE client_id = {client.Id}");
        await CheckInArrange.SqlAsync(app, $"DELETE FROM outbox_messages WHERE client_id = {client.Id} AND kind = {(int)OutboxKind.ClientReminder}");

        Assert.Equal(1, await RemindAsync(app));
        Assert.Equal(0, await RemindAsync(app));

        Assert.NotNull(Assert.Single(await RemindersAsync(app, client.Id)).ClientRemindedAt);
        Assert.Single(await ClientRemindersAsync(app, client.Id));
        Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id)); // the clinician's alert was not repeated
        Assert.Single(await MessageArrange.RowsAsync(app, client.Id), m => m.Kind == OutboxKind.StaffReminder);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_whose_email_is_not_safe_or_is_watched_gets_no_mail_and_the_hold_is_recorded(bool watched)
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Hal Held", ClientEmail);
        await ContactSafetyArrange.ProfileAsync(app, client.Id, watched ? ContactChannels.Email : ContactChannels.Phone, monitored: watched);
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        await OrderArrange.OrderAsync(app, client, person, OrderArrange.Details(expires: Arrange.ClinicToday().AddDays(2)));

        Assert.Equal(1, await RemindAsync(app));
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id
            && m.Kind == OutboxKind.ClientReminder && m.Status == OutboxStatus.Held), "the client's reminder held");
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id
            && m.Kind == OutboxKind.StaffReminder && m.Status == OutboxStatus.Sent), "the clinician's reminder sent");

        var held = Assert.Single(await ClientRemindersAsync(app, client.Id));
        Assert.Equal(watched ? HoldReason.MayBeMonitored : HoldReason.EmailNotSafe, held.HoldReason);
        Assert.DoesNotContain(_smtp.Messages(), m => m.To == ClientEmail);
        Assert.Single(_smtp.Messages(), m => m.To == Arrange.MorganEmail); // the clinician is still reminded
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Contains(ContactSafetyLabels.Of(OutboxKind.ClientReminder), await morgan.GetPageAsync($"/clinician/clients/{client.Id}/contact-safety"));
    }

    private static async Task<int> RemindAsync(ClinicAppFactory app)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ProtectiveOrderReminders>().RemindDueAsync();
    }

    private static async Task<List<ProtectiveOrderReminder>> RemindersAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ProtectiveOrderReminder>().AsNoTracking().Where(r => r.ClientId == clientId).ToListAsync();
    }

    private static async Task<List<OutboxMessage>> ClientRemindersAsync(ClinicAppFactory app, Guid clientId) =>
        (await MessageArrange.RowsAsync(app, clientId)).Where(m => m.Kind == OutboxKind.ClientReminder).ToList();
}
