using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Areas.Clinician.Safety;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ConcernIncidents;

/// <summary>
/// Links a client's incidents to one of their safety concerns, and unlinks them; the concern's page shows the linked ones as a
/// timeline (<see cref="ConcernIncidentsViewComponent"/>). Both ids are read with the client's: another client's concern is
/// 404, another client's (or a private) incident a message, and nothing is saved.
/// </summary>
[Route("clinician/clients/{clientId:guid}/safety/concerns/{concernId:guid}/incidents")]
public sealed class ConcernIncidentsController(ClinicDbContext db, AuditTrail audit, IncidentLog incidents, ClinicCalendar calendar) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Safety;

    [HttpPost("")]
    public async Task<IActionResult> Link(Guid concernId, Guid? incidentId, CancellationToken ct)
    {
        if (await FindConcernAsync(concernId, ct) is not { } concern) return NotFound();
        return await ActAsync(BackTo(concernId), async () =>
        {
            Client.EnsureEditable();
            var incident = incidentId is { } id ? await incidents.FindAsync(Client.Id, id, ct) : null;
            var link = ConcernIncidentLink.Between(concern, incident, Me, calendar.UtcNow);
            if (await Db.Set<ConcernIncidentLink>().AnyAsync(l => l.ConcernId == concernId && l.IncidentId == link.IncidentId && l.ClientId == Client.Id, ct))
                return "That incident is already linked to this concern.";
            Db.Add(link);
            audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, Client.Id);
            await Db.SaveChangesAsync(ct);
            return "Incident linked to the concern.";
        });
    }

    [HttpPost("{incidentId:guid}/unlink")]
    public async Task<IActionResult> Unlink(Guid concernId, Guid incidentId, CancellationToken ct)
    {
        if (await FindConcernAsync(concernId, ct) is null) return NotFound();
        var link = await Db.Set<ConcernIncidentLink>().SingleOrDefaultAsync(l => l.ConcernId == concernId && l.IncidentId == incidentId && l.ClientId == Client.Id, ct);
        if (link is null) return NotFound();
        return await ActAsync(BackTo(concernId), async () =>
        {
            Client.EnsureEditable();
            Db.Remove(link);
            audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, Client.Id);
            await Db.SaveChangesAsync(ct);
            return "Incident unlinked from the concern.";
        });
    }

    private IActionResult BackTo(Guid concernId) =>
        RedirectToAction(nameof(SafetyController.Show), Mvc.ControllerNames.Of<SafetyController>(), new { concernId });

    private Task<SafetyConcern?> FindConcernAsync(Guid concernId, CancellationToken ct) =>
        Db.Set<SafetyConcern>().SingleOrDefaultAsync(c => c.Id == concernId && c.ClientId == Client.Id, ct);
}
