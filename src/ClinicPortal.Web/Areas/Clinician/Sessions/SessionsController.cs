using System.Text;
using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>One client's sessions: schedule, reschedule, cancel, outcome, .ics, and their check-in prompt.</summary>
[Route("clinician/clients/{clientId:guid}/sessions")]
public sealed class SessionsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, SessionBooking booking)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Sessions;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        return View(await PageAsync(new SessionForm { Date = today.AddDays(7), Time = new TimeOnly(10, 0) }, null, ct));
    }

    [HttpPost("")]
    public Task<IActionResult> Schedule(SessionForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(form, null, ct)), async () =>
        {
            Client.EnsureEditable();
            var start = await StartAsync(form, ct);
            await booking.SaveAsync(TherapySession.Schedule(Client.Id, Me, start, form.DurationMinutes, form.Modality, form.Location, calendar.UtcNow, form.VideoLink), ct);
            Flash("Session scheduled. Reminders will go out before it.");
            return RedirectToAction(nameof(Index));
        });

    [HttpGet("{sessionId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid sessionId, CancellationToken ct)
    {
        if (await FindSessionAsync(sessionId, ct) is not { } session) return NotFound();
        var local = SessionCalendar.Local(session.StartsAt, await calendar.ZoneAsync(ct));
        var form = new SessionForm
        {
            Date = DateOnly.FromDateTime(local.DateTime), Time = TimeOnly.FromDateTime(local.DateTime),
            DurationMinutes = session.DurationMinutes, Modality = session.Modality, Location = session.Location, VideoLink = session.VideoLink,
        };
        return View(nameof(Index), await PageAsync(Versioned(form, session), sessionId, ct));
    }

    [HttpPost("{sessionId:guid}/edit")]
    public async Task<IActionResult> Reschedule(Guid sessionId, SessionForm form, CancellationToken ct)
    {
        if (await FindSessionAsync(sessionId, ct) is not { } session) return NotFound();
        return await SubmitAsync(async () => View(nameof(Index), await PageAsync(form, sessionId, ct)), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(session, form);
            session.Reschedule(await StartAsync(form, ct), form.DurationMinutes, form.Modality, form.Location, calendar.UtcNow, form.VideoLink);
            await booking.SaveAsync(session, ct);
            Flash("Session moved. Its reminders moved with it.");
            return RedirectToAction(nameof(Index));
        }, () => Edit(sessionId, ct));
    }

    [HttpPost("{sessionId:guid}/status")]
    public async Task<IActionResult> ChangeStatus(Guid sessionId, SessionStatus status, CancellationToken ct)
    {
        if (await FindSessionAsync(sessionId, ct) is not { } session) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            var now = calendar.UtcNow;
            switch (status)
            {
                case SessionStatus.Cancelled: session.Cancel(now); break;
                case SessionStatus.Completed: session.MarkCompleted(now); break;
                case SessionStatus.NoShow: session.MarkNoShow(now); break;
                default: throw new DomainRuleException("Choose cancelled, completed or no-show.");
            }
            await booking.SaveAsync(session, ct);
            return $"Session {TherapySession.Describe(status)}.";
        });
    }

    [HttpGet("{sessionId:guid}/ics")]
    public async Task<IActionResult> Ics(Guid sessionId, CancellationToken ct)
    {
        if (await FindSessionAsync(sessionId, ct) is not { } session) return NotFound();
        var clinic = await Db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.Name).SingleAsync(ct);
        await audit.RecordAsync(AuditActions.Export, AuditRecords.Session, sessionId, Client.Id, ct);
        return File(Encoding.UTF8.GetBytes(SessionIcs.For(session, clinic, calendar.UtcNow)), "text/calendar", "session.ics");
    }

    [HttpPost("prompt")]
    public Task<IActionResult> Prompt(bool enabled, DayOfWeek day, TimeOnly? time, CancellationToken ct) =>
        ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            if (time is null || !ModelState.IsValid) throw new DomainRuleException("Choose a day and a time for the check-in prompt.");
            var setting = await Db.Set<CheckInPromptSetting>().SingleOrDefaultAsync(p => p.ClientId == Client.Id, ct);
            if (setting is null) Db.Add(setting = CheckInPromptSetting.For(Client.Id));
            setting.Set(enabled, day, time.Value, calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.CheckInPrompt, Client.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            return enabled ? "Weekly check-in prompt saved." : "Check-in prompts turned off.";
        });

    private async Task<DateTimeOffset> StartAsync(SessionForm form, CancellationToken ct)
    {
        if (form.Date is not { } date || form.Time is not { } time) throw new DomainRuleException("Choose a date and a start time.");
        return ClinicTime.ToUtcOrRefuse(date, time, await calendar.ZoneAsync(ct));
    }

    private Task<TherapySession?> FindSessionAsync(Guid sessionId, CancellationToken ct) =>
        Db.Set<TherapySession>().SingleOrDefaultAsync(s => s.Id == sessionId && s.ClientId == Client.Id, ct);

    private async Task<ClientSessionsPage> PageAsync(SessionForm form, Guid? editing, CancellationToken ct)
    {
        // Every showing of the list is a read: the page itself, a session opened to edit, a form shown again after a refusal.
        await audit.RecordAsync(AuditActions.View, AuditRecords.Session, editing, Client.Id, ct);
        var sessions = await Db.Set<TherapySession>().Where(s => s.ClientId == Client.Id).OrderByDescending(s => s.StartsAt)
            .Select(s => new SessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Modality, s.Location, s.Status, s.VideoLink,
                Db.CaseNotes.Count(n => n.ClientId == Client.Id && n.SessionId == s.Id),
                Db.CaseNotes.Where(n => n.ClientId == Client.Id && n.SessionId == s.Id).OrderBy(n => n.CreatedAt).Select(n => (Guid?)n.Id).FirstOrDefault()))
            .ToListAsync(ct);
        var prompt = await Db.Set<CheckInPromptSetting>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == Client.Id, ct)
            ?? CheckInPromptSetting.For(Client.Id);
        var pending = await Db.Set<AppointmentRequest>().CountAsync(r => r.ClientId == Client.Id && r.Status == RequestStatus.Pending, ct);
        return new ClientSessionsPage(Client.IsReadOnly, sessions, form, await calendar.ZoneAsync(ct), prompt, editing, pending);
    }
}
