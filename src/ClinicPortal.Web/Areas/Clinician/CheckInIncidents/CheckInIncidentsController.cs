using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Areas.Clinician.CheckIns;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.Web.Areas.Clinician.CheckInIncidents;

/// <summary>
/// "Log as incident" from a check-in that reported a contact attempt: one check-in's view with the incident form prefilled
/// from it; the saved entry keeps the check-in's id (unique: a check-in becomes at most one entry). The check-ins page only
/// links here, so it sends no statement more.
/// </summary>
[Route("clinician/clients/{clientId:guid}/check-ins/{checkInId:guid}/incident")]
public sealed class CheckInIncidentsController(ClinicDbContext db, AuditTrail audit, IncidentLog incidents, ClinicCalendar calendar) : ClientRecordController(db)
{
    public const string AlreadyLogged = "This check-in's contact attempt is already in the incident log.";
    public const string NoContactAttempt = "This check-in reported no contact attempt.";

    protected override ClientSection Section => ClientSection.CheckIns;

    [HttpGet("")]
    public async Task<IActionResult> New(Guid checkInId, CancellationToken ct)
    {
        if (await FindCheckInAsync(checkInId, ct) is not { } checkIn) return NotFound();
        return await PageAsync(checkIn, CheckInIncidentForm.From(checkIn, await calendar.ZoneAsync(ct)), ct);
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(Guid checkInId, CheckInIncidentForm form, CancellationToken ct)
    {
        if (await FindCheckInAsync(checkInId, ct) is not { } checkIn) return NotFound();
        return await SubmitAsync(async () => await PageAsync((await FindCheckInAsync(checkInId, ct))!, form, ct), async () =>
        {
            Client.EnsureEditable();
            if (!checkIn.ContactAttempted) throw new DomainRuleException(NoContactAttempt);
            if (await LoggedAsync(checkInId, ct) is not null) throw new DomainRuleException(AlreadyLogged);
            try
            {
                await incidents.WriteAsync(Client.Id, form.ToDetails(await calendar.ZoneAsync(ct)), false, IncidentAuthor.Clinician, Me, ct, checkInId);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new DomainRuleException(AlreadyLogged); // logged from another window meanwhile
            }
            Flash("Logged in the client's incident log.");
            return RedirectToAction(nameof(CheckInsController.Index), Mvc.ControllerNames.Of<CheckInsController>());
        });
    }

    private Task<CheckIn?> FindCheckInAsync(Guid checkInId, CancellationToken ct) =>
        Db.Set<CheckIn>().SingleOrDefaultAsync(c => c.Id == checkInId && c.ClientId == Client.Id, ct);

    /// <summary>The entry already made from this check-in, if any (a private one cannot exist: only the clinician makes these).</summary>
    private Task<LoggedIncident?> LoggedAsync(Guid checkInId, CancellationToken ct) =>
        Db.Set<IncidentEntry>().Where(e => e.FromCheckInId == checkInId && e.ClientId == Client.Id)
            .Select(e => new LoggedIncident(e.Id, e.OccurredAt, e.WrittenAt)).SingleOrDefaultAsync(ct);

    /// <summary>The check-in and the form (or the entry made from it), first view or shown again after a refusal: both reads audited.</summary>
    private async Task<IActionResult> PageAsync(CheckIn checkIn, CheckInIncidentForm form, CancellationToken ct)
    {
        var logged = await LoggedAsync(checkIn.Id, ct);
        form.People = (await Db.Set<Boundary>().Where(b => b.ClientId == Client.Id).OrderBy(b => b.PersonName)
            .Select(b => new { b.Id, b.PersonName }).ToListAsync(ct)).Select(b => (b.Id, b.PersonName)).ToList();
        audit.Add(AuditActions.View, AuditRecords.CheckIn, checkIn.Id, Client.Id);
        if (logged is not null) audit.Add(AuditActions.View, AuditRecords.IncidentEntry, logged.Id, Client.Id);
        await Db.SaveChangesAsync(ct);
        return View("New", new CheckInIncidentPage(Client.IsReadOnly, checkIn, logged, form, await calendar.ZoneAsync(ct)));
    }
}

public sealed record LoggedIncident(Guid Id, DateTimeOffset OccurredAt, DateTimeOffset WrittenAt);

public sealed record CheckInIncidentPage(bool ReadOnly, CheckIn CheckIn, LoggedIncident? Logged, CheckInIncidentForm Form, TimeZoneInfo Zone);
