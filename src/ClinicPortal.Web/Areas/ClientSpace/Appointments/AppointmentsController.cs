using System.Globalization;
using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Appointments;

/// <summary>
/// The client asks for a time from their clinician's weekly availability, or to move or cancel one of their sessions,
/// within the clinic's notice rule; the clinician decides. Times are the clinic's; sessions and requests are the
/// signed-in client's own (a session id that is not theirs is refused with a message, nothing saved).
/// </summary>
[Route("client/appointments")]
public sealed class AppointmentsController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClientSpaceController(db, calendar)
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";
    public const string NotYoursMessage = "That session is not one of yours. Choose it from the list.";
    public const string DischargedMessage = "Your time with the clinic has ended, so appointments cannot be requested here.";

    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(ct));

    [HttpPost("")]
    public Task<IActionResult> Ask([FromForm] string? time, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(ct)), async () =>
        {
            var (rules, availability, clinicianId) = await RulesAsync(ct);
            var request = AppointmentRequest.ForNewTime(Own.ClientId, clinicianId, Parse(time, rules.Zone), availability, rules, Calendar.UtcNow);
            return await SaveAsync(request, "Your request is sent. You will see the answer here.", ct);
        });

    [HttpPost("{sessionId:guid}/move")]
    public Task<IActionResult> Move(Guid sessionId, [FromForm] string? time, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(ct)), async () =>
        {
            var (rules, availability, _) = await RulesAsync(ct);
            var session = await MineAsync(sessionId, ct);
            var request = AppointmentRequest.ToMove(session, Parse(time, rules.Zone), availability, rules, Calendar.UtcNow);
            return await SaveAsync(request, "Your request to move the session is sent.", ct);
        });

    [HttpPost("{sessionId:guid}/cancel")]
    public Task<IActionResult> Cancel(Guid sessionId, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(ct)), async () =>
        {
            var (rules, _, _) = await RulesAsync(ct);
            var request = AppointmentRequest.ToCancel(await MineAsync(sessionId, ct), rules, Calendar.UtcNow);
            return await SaveAsync(request, "Your request to cancel the session is sent.", ct);
        });

    private async Task<IActionResult> SaveAsync(AppointmentRequest request, string flash, CancellationToken ct)
    {
        Db.Add(request);
        audit.Add(AuditActions.Create, AuditRecords.AppointmentRequest, request.Id, Own.ClientId);
        await Db.SaveChangesAsync(ct);
        Flash(flash);
        return RedirectToAction(nameof(Index));
    }

    private async Task<TherapySession> MineAsync(Guid sessionId, CancellationToken ct) =>
        await Db.Set<TherapySession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.ClientId == Own.ClientId, ct)
        ?? throw new DomainRuleException(NotYoursMessage);

    /// <summary>The clinic's rules and the weekly windows of the client's clinician; refuses a discharged client.</summary>
    private async Task<(RequestRules Rules, IReadOnlyList<AvailabilityWindow> Availability, Guid ClinicianId)> RulesAsync(CancellationToken ct)
    {
        if (Own.IsReadOnly) throw new DomainRuleException(DischargedMessage);
        // One statement: the windows of the client's clinician. With none, every time is refused as outside the availability,
        // so the clinician's id is never needed then.
        var availability = await (from c in Db.Clients where c.Id == Own.ClientId
                                  from w in Db.Set<AvailabilityWindow>() where w.ClinicianId == c.PrimaryClinicianId
                                  select w).AsNoTracking().ToListAsync(ct);
        var settings = await Calendar.SettingsAsync(ct);
        return (new RequestRules(settings.RequestNoticeHours, RequestRules.DefaultDurationMinutes, await Calendar.ZoneAsync(ct)), availability,
            availability.Select(w => w.ClinicianId).FirstOrDefault());
    }

    /// <summary>A time as the form posts it (clinic time, <see cref="TimeFormat"/>).</summary>
    private static DateTimeOffset Parse(string? time, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new DomainRuleException("Choose a time from the list.");
        return ClinicTime.ToUtcOrRefuse(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
    }

    private async Task<AppointmentsPage> PageAsync(CancellationToken ct)
    {
        var now = Calendar.UtcNow;
        var sessions = await Db.Set<TherapySession>().AsNoTracking()
            .Where(s => s.ClientId == Own.ClientId && s.Status == SessionStatus.Scheduled && s.EndsAt > now).OrderBy(s => s.StartsAt)
            .Select(s => new MySession(s.Id, s.StartsAt, s.Modality)).ToListAsync(ct);
        var requests = await Db.Set<AppointmentRequest>().AsNoTracking().Where(r => r.ClientId == Own.ClientId)
            .OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.AppointmentRequest, null, Own.ClientId, ct);
        IReadOnlyList<DateTimeOffset> offered = [];
        var notice = (await Calendar.SettingsAsync(ct)).RequestNoticeHours;
        if (!Own.IsReadOnly)
        {
            var (rules, availability, _) = await RulesAsync(ct);
            offered = rules.Offered(availability, now);
        }
        return new AppointmentsPage(Own.IsReadOnly, sessions, requests, offered, notice, await Calendar.ZoneAsync(ct));
    }
}
