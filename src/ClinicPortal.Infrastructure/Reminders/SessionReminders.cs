using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// Keeps a session's outbox rows in line with the session: called in the same unit of work as every
/// schedule, reschedule or cancel, so reminders move or vanish together with the change. Each new
/// reminder also gets a delayed job at its due time (the message id is its only argument); should that
/// job find the row gone, moved or cancelled it does nothing, and should it never run the poll sends it.
/// </summary>
public sealed class SessionReminders(ClinicDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
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
        {
            var message = OutboxMessage.Queue(reminder.Key, OutboxKind.SessionReminder, session.ClientId, session.Id, reminder.DueAt, now);
            db.Add(message);
            jobs.Schedule<OutboxJobs>(JobQueues.Outbox, j => j.SendOneAsync(message.Id, CancellationToken.None), reminder.DueAt - now);
        }
    }
}
