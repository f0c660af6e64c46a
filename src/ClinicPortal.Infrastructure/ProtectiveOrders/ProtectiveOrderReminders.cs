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
/// Reminds the client's clinician of each order expiring within <see cref="ProtectiveOrder.ReminderDays"/> days: an alert in the
/// app (low: it neither pins the caseload nor sends alert mail) and one content-free "You have a reminder" email through the
/// outbox. Exactly once per order and expiry date: a reminder already written is skipped, and the unique key stops a racing
/// duplicate. The client is not mailed: the order, its dates and the person are theirs to hear from their clinician, never
/// from an inbox that may be read by someone else.
/// </summary>
public sealed class ProtectiveOrderReminders(ClinicDbContext db, ClinicianAlerts alerts, ClinicCalendar calendar, TimeProvider clock,
    ILogger<ProtectiveOrderReminders> logger)
{
    /// <summary>Returns how many orders were reminded of.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct = default)
    {
        var today = await calendar.TodayAsync(ct);
        var due = await db.Set<ProtectiveOrder>()
            .Where(ProtectiveOrder.ReminderDue.For(today))
            .Where(o => !db.Set<ProtectiveOrderReminder>().Any(r => r.OrderId == o.Id && r.ExpiresOn == o.ExpiresOn))
            .Join(db.Clients.Where(c => c.Status != ClientStatus.Discharged), o => o.ClientId, c => c.Id,
                (o, c) => new { o.Id, o.ClientId, ExpiresOn = o.ExpiresOn!.Value, c.PrimaryClinicianId })
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        var now = clock.GetUtcNow();
        foreach (var o in due)
        {
            var alert = await alerts.AddAsync(o.ClientId, AlertKind.ProtectiveOrderExpiring, ConcernSeverity.Low, ct: ct);
            var reminder = ProtectiveOrderReminder.For(o.ClientId, o.Id, o.ExpiresOn, alert.Id, now);
            db.Add(reminder);
            db.Add(OutboxMessage.StaffReminderTo(reminder.Id, o.ClientId, o.PrimaryClinicianId, now));
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
