using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Infrastructure.ProtectiveOrders;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Features.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Incidents;

/// <summary>
/// A client's incident log for their clinician: the list (newest first by when it happened, paged), each entry with its
/// addenda, who wrote each piece and when, and its hash check; an entry written for the client, corrected by its author
/// inside the window, and addenda after it. Private entries are not there at all: the data filter hides them, so their
/// ids answer 404 like another client's.
/// </summary>
[Route("clinician/clients/{clientId:guid}/incidents")]
public sealed class IncidentsController(ClinicDbContext db, ClinicCalendar calendar, IncidentLog log, IncidentQuery query, AuditTrail audit, PossibleBreaches breaches) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Incidents;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page, CancellationToken ct)
    {
        var (rows, more) = await query.PageAsync(Client.Id, page, forClient: false, ct);
        await log.RecordViewAsync(Client.Id, null, onlyPrivate: false, ct);
        var mayBreach = await breaches.AmongAsync(Client.Id, rows.Select(r => new IncidentMoment(r.Id, r.BoundaryId, r.OccurredAt)).ToList(), ct);
        return View(new IncidentListPage(rows, Math.Max(0, page), more, await calendar.ZoneAsync(ct), Client.IsReadOnly, ForClient: false)
            { PossibleBreaches = mayBreach });
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Form", await FormPageAsync(null, IncidentForm.Now(calendar.UtcNow, await calendar.ZoneAsync(ct)), null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(IncidentForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View("Form", await FormPageAsync(null, form, null, ct)), async () =>
        {
            Client.EnsureEditable();
            var entry = await log.WriteAsync(Client.Id, form.ToDetails(await calendar.ZoneAsync(ct)), isPrivate: false, IncidentAuthor.Clinician, Me, ct);
            Flash("Incident entry saved. You can correct it for 30 minutes; after that, add an addendum.");
            return RedirectToAction(nameof(Show), new { incidentId = entry.Id });
        });

    [HttpGet("{incidentId:guid}")]
    public async Task<IActionResult> Show(Guid incidentId, CancellationToken ct) =>
        await DetailAsync(incidentId, new AddendumForm(), ct) is { } page ? View(page) : NotFound();

    [HttpGet("{incidentId:guid}/correct")]
    public async Task<IActionResult> Edit(Guid incidentId, CancellationToken ct)
    {
        var entry = await log.FindAsync(Client.Id, incidentId, ct);
        if (entry is null) return NotFound();
        if (await RefuseCorrectionAsync(entry, ct) is { } refused) return refused;
        await log.RecordViewAsync(Client.Id, entry.Id, onlyPrivate: false, ct);
        return View("Form", await FormPageAsync(entry.Id, Versioned(IncidentForm.From(entry, await calendar.ZoneAsync(ct)), entry), entry.CorrectableUntil, ct));
    }

    [HttpPost("{incidentId:guid}/correct")]
    public async Task<IActionResult> Correct(Guid incidentId, IncidentForm form, CancellationToken ct)
    {
        var entry = await log.FindAsync(Client.Id, incidentId, ct);
        if (entry is null) return NotFound();
        if (await RefuseCorrectionAsync(entry, ct) is { } refused) return refused;
        var until = entry.CorrectableUntil;
        return await SubmitAsync(async () => View("Form", await FormPageAsync(incidentId, form, until, ct)), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(entry, form);
            await log.CorrectAsync(entry, form.ToDetails(await calendar.ZoneAsync(ct)), isPrivate: false, Me, ct);
            Flash("Correction saved.");
            return RedirectToAction(nameof(Show), new { incidentId });
        }, () => Edit(incidentId, ct));
    }

    [HttpPost("{incidentId:guid}/addenda")]
    public async Task<IActionResult> AddAddendum(Guid incidentId, AddendumForm form, CancellationToken ct)
    {
        var entry = await log.FindAsync(Client.Id, incidentId, ct);
        if (entry is null) return NotFound();
        return await SubmitAsync(async () => View(nameof(Show), await DetailAsync(incidentId, form, ct)), async () =>
        {
            Client.EnsureEditable();
            await log.AddAddendumAsync(entry, form.Text, IncidentAuthor.Clinician, Me, ct);
            Flash("Addendum added.");
            return RedirectToAction(nameof(Show), new { incidentId });
        });
    }

    /// <summary>The entry with its addenda; shown (first view, or again after a refused addendum) means read, so audited.</summary>
    private async Task<IncidentDetailPage?> DetailAsync(Guid incidentId, AddendumForm form, CancellationToken ct)
    {
        var view = await query.DetailAsync(Client.Id, incidentId, forClient: false, ct);
        if (view is null) return null;
        await log.RecordViewAsync(Client.Id, view.Entry.Id, onlyPrivate: false, ct);
        var (e, zone) = (view.Entry, await calendar.ZoneAsync(ct));
        return new IncidentDetailPage(view, form, zone, ForClient: false, Client.IsReadOnly, e.CanCorrect(Me, calendar.UtcNow) && !Client.IsReadOnly)
            { PossibleBreach = view.Orders.Any(o => o.MayBeBreachedBy(e.BoundaryId, e.OccurredAt, zone)) };
    }

    /// <summary>
    /// When the entry cannot be corrected now (the window has closed, another author, a discharged client): the entry itself with
    /// the reason beside the addendum form, nothing changed; null when it can.
    /// </summary>
    private async Task<IActionResult?> RefuseCorrectionAsync(IncidentEntry entry, CancellationToken ct)
    {
        if ((Client.IsReadOnly ? Core.Clients.Client.ReadOnlyMessage : entry.CorrectionRefusal(Me, calendar.UtcNow)) is not { } refusal) return null;
        ModelState.AddModelError("", refusal);
        return View(nameof(Show), await DetailAsync(entry.Id, new AddendumForm(), ct));
    }

    private async Task<IncidentFormPage> FormPageAsync(Guid? incidentId, IncidentForm form, DateTimeOffset? correctableUntil, CancellationToken ct)
    {
        // The form names the people of the plan and the network: a read of the record, audited.
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, null, Client.Id, ct);
        form.People = await query.PeopleAsync(Client.Id, forClient: false, ct);
        return new IncidentFormPage(incidentId, form, await calendar.ZoneAsync(ct), correctableUntil, ForClient: false);
    }
}
