using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>
/// Saves a session that is booked, moved, cancelled or given its outcome, whoever does it (the clinician's pages, or
/// approving a client's request), with what always goes with it: its reminders planned again, its audit entry, and
/// for a session that holds time, the refusal of a clash with another of the clinician's scheduled sessions
/// (<see cref="DoubleBooking"/>). One transaction: a per-clinician transaction lock makes check-then-insert safe
/// when two bookings race.
/// </summary>
public sealed class SessionBooking(ClinicDbContext db, SessionReminders reminders, AuditTrail audit)
{
    /// <summary>Saves <paramref name="session"/> (added when it is new) and the rest of the unit of work, or refuses a clash.</summary>
    public async Task SaveAsync(TherapySession session, CancellationToken ct)
    {
        var isNew = db.Entry(session).State == EntityState.Detached;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (session.Status == SessionStatus.Scheduled)
        {
            await db.Database.LockAsync(LockName.ClinicianDiary(session.ClinicianId), ct);
            // The clinician's whole diary, whoever the client is now.
            DoubleBooking.Refuse(await db.Set<TherapySession>().IgnoreQueryFilters().AnyAsync(DoubleBooking.ClashesWith(session), ct));
        }
        if (isNew) db.Add(session);
        await reminders.PlanAsync(session, ct); // a session no longer scheduled keeps no pending reminders
        audit.Add(isNew ? AuditActions.Create : AuditActions.Update, AuditRecords.Session, session.Id, session.ClientId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
