using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>
/// Refuses a booking that overlaps another of the clinician's scheduled sessions (<see cref="DoubleBooking"/>), whoever
/// books it (the clinician's form, or approving a client's request). Call inside the transaction that saves the booking:
/// a per-clinician transaction lock makes check-then-insert safe when two bookings race.
/// </summary>
public sealed class DiaryGuard(ClinicDbContext db)
{
    public async Task EnsureFreeAsync(TherapySession session, CancellationToken ct)
    {
        await db.Database.LockAsync(LockName.ClinicianDiary(session.ClinicianId), ct);
        // The clinician's whole diary, whoever the client is now.
        DoubleBooking.Refuse(await db.Set<TherapySession>().IgnoreQueryFilters().AnyAsync(DoubleBooking.ClashesWith(session), ct));
    }
}
