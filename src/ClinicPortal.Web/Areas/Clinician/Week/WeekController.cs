using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Week;

/// <summary>The clinician's week (Monday to Sunday, clinic time) and their next sessions.</summary>
[Route("clinician/calendar")]
public sealed class WeekController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? week, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(ct);
        DateOnly start;
        try { start = CalendarWeek.StartOf(week, await calendar.TodayAsync(ct)); }
        catch (DomainRuleException e) { return BadRequest(e.Message); }
        var from = ClinicTime.ToUtc(start, TimeOnly.MinValue, zone) ?? DateTimeOffset.UtcNow;
        var to = ClinicTime.ToUtc(start.AddDays(7), TimeOnly.MinValue, zone) ?? from.AddDays(7);
        var me = Me;
        var now = calendar.UtcNow;

        var sessions = Db.Set<TherapySession>().Where(s => s.ClinicianId == me);
        var entries = await Entries(sessions.Where(s => s.StartsAt >= from && s.StartsAt < to)).ToListAsync(ct);
        var upcoming = await Entries(sessions.Where(s => s.StartsAt >= now && s.Status == SessionStatus.Scheduled).OrderBy(s => s.StartsAt).Take(10))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Calendar, start.ToString("yyyy-MM-dd"), null, ct);
        return View(new WeekPage(start, zone, [.. entries.OrderBy(e => e.StartsAt)], [.. upcoming.OrderBy(e => e.StartsAt)]));
    }

    /// <summary>
    /// Filter and order the sessions before this projection: EF Core cannot translate a condition on a
    /// record built through its constructor, so a Where or OrderBy on <see cref="CalendarEntry"/> fails at run time.
    /// </summary>
    private IQueryable<CalendarEntry> Entries(IQueryable<TherapySession> sessions) =>
        from s in sessions
        join c in Db.Clients on s.ClientId equals c.Id
        select new CalendarEntry(s.Id, c.Id, c.FullName, c.PreferredName, s.StartsAt, s.DurationMinutes, s.Modality, s.Status);
}
