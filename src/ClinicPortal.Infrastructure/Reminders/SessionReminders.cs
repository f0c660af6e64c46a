using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// Keeps a session's outbox rows in line with the session: called in the same unit of work as every
/// schedule, reschedule or cancel, so reminders move or vanish together with the change.
/// </summary>
public sealed class SessionReminders(ClinicDbContext db, TimeProvider clock)
{
    public async Task PlanAsync(TherapySession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leads = await db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.ReminderLeadMinutes).SingleAsync(ct);
        var planned = ReminderPlan.ForSession(session, leads, now);
        var existing = await db.Set<OutboxMessage>().Where(m => m.SessionId == session.Id).ToListAsync(ct);

        foreach (var stale in existing.Where(m => planned.All(p => p.Key != m.Key)))
            stale.Cancel(); // only pending rows change; sent ones stay as history
        foreach (var reminder in planned.Where(p => existing.All(m => m.Key != p.Key)))
            db.Add(OutboxMessage.Queue(reminder.Key, OutboxKind.SessionReminder, session.ClientId, session.Id, reminder.DueAt, now));
    }
}
