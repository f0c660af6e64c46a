using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicPortal.Infrastructure.ProtectiveOrders;

/// <summary>
/// Reminds of each order expiring within <see cref="ProtectiveOrder.ReminderDays"/> days. The clinician: an alert in the app
/// (low: it neither pins the caseload nor sends alert mail) and one content-free "You have a reminder" email. The client: one
/// content-free email of their own kind, which the outbox
/// sends only as their contact-safety profile allows and otherwise records as held. Exactly once per order and expiry date: a
/// reminder record already written is skipped (or only completed for the client, when written before the client's side
/// existed), and the unique keys stop a racing duplicate. No mail says what the reminder is about.
/// </summary>
public sealed class ProtectiveOrderReminders(ClinicDbContext db, ClinicianAlerts alerts, ClinicCalendar calendar, TimeProvider clock,
    ILogger<ProtectiveOrderReminders> logger)
{
    /// <summary>Returns how many orders were reminded of (to the clinician, the client or both).</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct = default)
    {
        var today = await calendar.TodayAsync(ct);
        var due = await db.Set<ProtectiveOrder>()
            .Where(ProtectiveOrder.ReminderDue.For(today))
            .Join(db.Clients.Where(c => c.Status != ClientStatus.Discharged), o => o.ClientId, c => c.Id,
                (o, c) => new
                {
                    o.Id, o.ClientId, ExpiresOn = o.ExpiresOn!.Value, c.PrimaryClinicianId,
                    Reminder = db.Set<ProtectiveOrderReminder>().FirstOrDefault(r => r.OrderId == o.Id && r.ExpiresOn == o.ExpiresOn),
                })
            .Where(o => o.Reminder == null || o.Reminder.ClientRemindedAt == null)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        var now = clock.GetUtcNow();
        foreach (var o in due)
        {
            var reminder = o.Reminder;
            if (reminder is null)
            {
                var alert = await alerts.AddAsync(o.ClientId, AlertKind.ProtectiveOrderExpiring, ConcernSeverity.Low, ct: ct);
                reminder = ProtectiveOrderReminder.For(o.ClientId, o.Id, o.ExpiresOn, alert.Id, now);
                db.Add(reminder);
                db.Add(OutboxMessage.StaffReminderTo(reminder.Id, o.ClientId, o.PrimaryClinicianId, now));
            }
            reminder.ClientReminded(now);
            db.Add(OutboxMessage.ClientReminderFor(reminder.Id, o.ClientId, now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear(); // another instance reminded of them first, with the same rows
            logger.LogInformation("Protective-order reminders were written concurrently elsewhere; skipped");
            return 0;
        }
        logger.LogInformation("Reminded of {Count} protective orders expiring soon", due.Count);
        return due.Count;
    }
}
