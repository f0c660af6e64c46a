using System.Text;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reminders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>One client's sessions: schedule, reschedule, cancel, outcome, .ics, and their check-in prompt.</summary>
[Route("clinician/clients/{clientId:guid}/sessions")]
public sealed class SessionsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, SessionReminders reminders)
    : ClinicianController(db)
{
    public const string DoubleBooked = "You already have a session at that time. Choose another time.";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "sessions", ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Session, null, clientId, ct);
        var today = await calendar.TodayAsync(ct);
        return View(await PageAsync(clientId, client.IsReadOnly, new SessionForm { Date = today.AddDays(7), Time = new TimeOnly(10, 0) }, null, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Schedule(Guid clientId, SessionForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, "sessions", ct);
        if (!ModelState.IsValid) return View("Index", await PageAsync(clientId, client.IsReadOnly, form, null, ct));
        try
        {
            client.EnsureEditable();
            var start = await StartAsync(form, ct);
            var session = TherapySession.Schedule(clientId, Me, start, form.DurationMinutes, form.Modality, form.Location, calendar.UtcNow);
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            await EnsureFreeAsync(session, ct);
            Db.Add(session);
            await reminders.PlanAsync(session, ct);
            audit.Add(AuditActions.Create, AuditRecords.Session, session.Id, clientId);
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Flash("Session scheduled. Reminders will go out before it.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Index", await PageAsync(clientId, client.IsReadOnly, form, null, ct));
        }
    }

    [HttpGet("{sessionId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid clientId, Guid sessionId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindSessionAsync(clientId, sessionId, ct) is not { } session) return NotFound();
        await SetHeaderAsync(client, "sessions", ct);
        var zone = await calendar.ZoneAsync(ct);
        var local = SessionCalendar.Local(session.StartsAt, zone);
        var form = new SessionForm
        {
            Date = DateOnly.FromDateTime(local.DateTime), Time = TimeOnly.FromDateTime(local.DateTime),
            DurationMinutes = session.DurationMinutes, Modality = session.Modality, Location = session.Location,
        };
        return View("Index", await PageAsync(clientId, client.IsReadOnly, form, sessionId, ct));
    }

    [HttpPost("{sessionId:guid}/edit")]
    public async Task<IActionResult> Reschedule(Guid clientId, Guid sessionId, SessionForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindSessionAsync(clientId, sessionId, ct) is not { } session) return NotFound();
        await SetHeaderAsync(client, "sessions", ct);
        if (!ModelState.IsValid) return View("Index", await PageAsync(clientId, client.IsReadOnly, form, sessionId, ct));
        try
        {
            client.EnsureEditable();
            session.Reschedule(await StartAsync(form, ct), form.DurationMinutes, form.Modality, form.Location, calendar.UtcNow);
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            await EnsureFreeAsync(session, ct);
            await reminders.PlanAsync(session, ct);
            audit.Add(AuditActions.Update, AuditRecords.Session, sessionId, clientId);
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Flash("Session moved. Its reminders moved with it.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Index", await PageAsync(clientId, client.IsReadOnly, form, sessionId, ct));
        }
    }

    [HttpPost("{sessionId:guid}/status")]
    public async Task<IActionResult> ChangeStatus(Guid clientId, Guid sessionId, SessionStatus status, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindSessionAsync(clientId, sessionId, ct) is not { } session) return NotFound();
        try
        {
            client.EnsureEditable();
            var now = calendar.UtcNow;
            switch (status)
            {
                case SessionStatus.Cancelled: session.Cancel(now); break;
                case SessionStatus.Completed: session.MarkCompleted(now); break;
                case SessionStatus.NoShow: session.MarkNoShow(now); break;
                default: throw new DomainRuleException("Choose cancelled, completed or no-show.");
            }
            await reminders.PlanAsync(session, ct); // a session no longer scheduled keeps no pending reminders
            audit.Add(AuditActions.Update, AuditRecords.Session, sessionId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash($"Session {TherapySession.Describe(status)}.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Index), new { clientId });
    }

    [HttpGet("{sessionId:guid}/ics")]
    public async Task<IActionResult> Ics(Guid clientId, Guid sessionId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is null) return NotFound();
        if (await FindSessionAsync(clientId, sessionId, ct) is not { } session) return NotFound();
        var clinic = await Db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.Name).SingleAsync(ct);
        await audit.RecordAsync(AuditActions.Export, AuditRecords.Session, sessionId, clientId, ct);
        return File(Encoding.UTF8.GetBytes(SessionCalendar.Ics(session, clinic, calendar.UtcNow)), "text/calendar", "session.ics");
    }

    [HttpPost("prompt")]
    public async Task<IActionResult> Prompt(Guid clientId, bool enabled, DayOfWeek day, TimeOnly? time, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        try
        {
            client.EnsureEditable();
            if (time is null || !ModelState.IsValid) throw new DomainRuleException("Choose a day and a time for the check-in prompt.");
            var setting = await Db.Set<CheckInPromptSetting>().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);
            if (setting is null) Db.Add(setting = CheckInPromptSetting.For(clientId));
            setting.Set(enabled, day, time.Value, calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.CheckInPrompt, clientId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash(enabled ? "Weekly check-in prompt saved." : "Check-in prompts turned off.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Index), new { clientId });
    }

    private async Task<DateTimeOffset> StartAsync(SessionForm form, CancellationToken ct)
    {
        if (form.Date is not { } date || form.Time is not { } time) throw new DomainRuleException("Choose a date and a start time.");
        return SessionCalendar.ToUtc(date, time, await calendar.ZoneAsync(ct))
            ?? throw new DomainRuleException("That time does not exist on that day (the clocks change). Choose another time.");
    }

    /// <summary>
    /// Refuses a session that overlaps another of the clinician's scheduled sessions. A per-clinician
    /// transaction lock makes check-then-insert safe when two bookings race.
    /// </summary>
    private async Task EnsureFreeAsync(TherapySession session, CancellationToken ct)
    {
        await Db.Database.LockAsync(LockName.ClinicianDiary(session.ClinicianId), ct);
        var clash = await Db.Set<TherapySession>().IgnoreQueryFilters() // the clinician's whole diary, whoever the client is now
            .AnyAsync(s => s.ClinicianId == session.ClinicianId && s.Id != session.Id && s.Status == SessionStatus.Scheduled
                && s.StartsAt < session.EndsAt && session.StartsAt < s.EndsAt, ct);
        if (clash) throw new DomainRuleException(DoubleBooked);
    }

    private Task<TherapySession?> FindSessionAsync(Guid clientId, Guid sessionId, CancellationToken ct) =>
        Db.Set<TherapySession>().SingleOrDefaultAsync(s => s.Id == sessionId && s.ClientId == clientId, ct);

    private async Task<ClientSessionsPage> PageAsync(Guid clientId, bool readOnly, SessionForm form, Guid? editing, CancellationToken ct)
    {
        var sessions = await Db.Set<TherapySession>().Where(s => s.ClientId == clientId).OrderByDescending(s => s.StartsAt)
            .Select(s => new SessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Modality, s.Location, s.Status)).ToListAsync(ct);
        var prompt = await Db.Set<CheckInPromptSetting>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId, ct) ?? CheckInPromptSetting.For(clientId);
        return new ClientSessionsPage(clientId, readOnly, sessions, form, await calendar.ZoneAsync(ct), prompt, editing);
    }
}
