using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>The clinician's week (Monday to Sunday, clinic time) and their next sessions.</summary>
[Route("clinician/calendar")]
public sealed class WeekController(ClinicDbContext db, ClinicCalendar calendar) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? week, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(ct);
        var start = SessionCalendar.WeekStart(week ?? await calendar.TodayAsync(ct));
        var from = SessionCalendar.ToUtc(start, TimeOnly.MinValue, zone) ?? DateTimeOffset.UtcNow;
        var to = SessionCalendar.ToUtc(start.AddDays(7), TimeOnly.MinValue, zone) ?? from.AddDays(7);
        var me = Me;
        var now = calendar.UtcNow;

        var entries = await Entries(me).Where(e => e.StartsAt >= from && e.StartsAt < to).OrderBy(e => e.StartsAt).ToListAsync(ct);
        var upcoming = await Entries(me).Where(e => e.StartsAt >= now && e.Status == SessionStatus.Scheduled).OrderBy(e => e.StartsAt).Take(10).ToListAsync(ct);
        return View(new WeekPage(start, zone, entries, upcoming));
    }

    private IQueryable<CalendarEntry> Entries(Guid me) =>
        from s in Db.Set<TherapySession>()
        join c in Db.Clients on s.ClientId equals c.Id
        where s.ClinicianId == me
        select new CalendarEntry(s.Id, c.Id, c.PreferredName ?? c.FullName, s.StartsAt, s.DurationMinutes, s.Modality, s.Status);
}
