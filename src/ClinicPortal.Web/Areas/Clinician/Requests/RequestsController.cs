using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Areas.Clinician.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Requests;

/// <summary>
/// A client's appointment requests, answered by a clinician who may read the record. Approving books, moves or cancels
/// the session with its reminders in one transaction, refused like any booking when the time is no longer free.
/// </summary>
[Route("clinician/clients/{clientId:guid}/requests")]
public sealed class RequestsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, SessionBooking booking)
    : ClientRecordController(db)
{
    public const string SessionGoneMessage = "That session is no longer booked, so the request cannot be approved. Decline it with a reason.";

    protected override ClientSection Section => ClientSection.Sessions;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var requests = await Db.Set<AppointmentRequest>().AsNoTracking().Where(r => r.ClientId == Client.Id)
            .OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt).Take(50)
            .Select(r => new RequestRow(r, Db.Set<TherapySession>().Where(s => s.Id == r.SessionId && s.ClientId == Client.Id)
                .Select(s => (DateTimeOffset?)s.StartsAt).FirstOrDefault()))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.AppointmentRequest, null, Client.Id, ct);
        return View(new ClientRequestsPage(Client.IsReadOnly, requests, await calendar.ZoneAsync(ct)));
    }

    [HttpPost("{requestId:guid}/approve")]
    public async Task<IActionResult> Approve(Guid requestId, CancellationToken ct)
    {
        if (await FindAsync(requestId, ct) is not { } request) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            var now = calendar.UtcNow;
            var session = request.Kind == RequestKind.NewTime
                ? TherapySession.Schedule(Client.Id, Client.PrimaryClinicianId, request.StartsAt!.Value, request.DurationMinutes, SessionModality.InPerson, null, now)
                : await Db.Set<TherapySession>().SingleOrDefaultAsync(s => s.Id == request.SessionId && s.ClientId == Client.Id, ct)
                    ?? throw new DomainRuleException(SessionGoneMessage);
            if (request.Kind == RequestKind.Move)
                session.Reschedule(request.StartsAt!.Value, session.DurationMinutes, session.Modality, session.Location, now, session.VideoLink);
            else if (request.Kind == RequestKind.Cancel)
                session.Cancel(now);
            request.Approve(Me, session.Id, now);
            audit.Add(AuditActions.Update, AuditRecords.AppointmentRequest, request.Id, Client.Id);
            await booking.SaveAsync(session, ct); // the session, its reminders and the request, together or not at all
            return request.Kind switch
            {
                RequestKind.NewTime => "Request approved: the session is booked and its reminders planned.",
                RequestKind.Move => "Request approved: the session moved, and its reminders with it.",
                _ => "Request approved: the session is cancelled and its reminders will not go out.",
            };
        });
    }

    [HttpPost("{requestId:guid}/decline")]
    public async Task<IActionResult> Decline(Guid requestId, [FromForm] string? reason, CancellationToken ct)
    {
        if (await FindAsync(requestId, ct) is not { } request) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            request.Decline(Me, reason, calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.AppointmentRequest, request.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            return "Request declined. The client sees your reason.";
        });
    }

    private Task<AppointmentRequest?> FindAsync(Guid requestId, CancellationToken ct) =>
        Db.Set<AppointmentRequest>().SingleOrDefaultAsync(r => r.Id == requestId && r.ClientId == Client.Id, ct);
}
