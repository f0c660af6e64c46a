using ClinicPortal.Core.Common;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using ClinicPortal.Web.Features.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.ContactLog;

/// <summary>
/// The client's own incident log, named discreetly ("Notes of contact", at <c>client/log</c>): a quick note of a contact
/// attempt from the phone in under a minute, the list of their notes, each note with its addenda and its record check,
/// a correction while the window is open and an addendum afterwards. Every query names the signed-in client's id; a note
/// kept private reaches nobody else and writes no audit row (IncidentLog).
/// </summary>
[Route("client/log")]
public sealed class ContactLogController(ClinicDbContext db, ClinicCalendar calendar, IncidentLog log, IncidentQuery query, AuditTrail audit)
    : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page, CancellationToken ct)
    {
        var (rows, more) = await query.PageAsync(Own.ClientId, page, forClient: true, ct);
        await log.RecordViewAsync(Own.ClientId, null, onlyPrivate: rows.All(r => r.IsPrivate), ct);
        return View(new IncidentListPage(rows, Math.Max(0, page), more, Own.Zone, Own.IsReadOnly, ForClient: true));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Form", await FormPageAsync(null, IncidentForm.Now(Calendar.UtcNow, Own.Zone), null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(IncidentForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View("Form", await FormPageAsync(null, form, null, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            var entry = await log.WriteAsync(Own.ClientId, form.ToDetails(Own.Zone), form.IsPrivate, IncidentAuthor.Client, Me, ct);
            Flash(entry.IsPrivate ? "Saved. Only you can read this note." : "Saved. Your clinician can read this note.");
            return RedirectToAction(nameof(Show), new { incidentId = entry.Id });
        });

    [HttpGet("{incidentId:guid}")]
    public async Task<IActionResult> Show(Guid incidentId, CancellationToken ct) =>
        await DetailAsync(incidentId, new AddendumForm(), ct) is { } page ? View(page) : NotFound();

    [HttpGet("{incidentId:guid}/correct")]
    public async Task<IActionResult> Edit(Guid incidentId, CancellationToken ct)
    {
        var entry = await log.FindAsync(Own.ClientId, incidentId, ct);
        if (entry is null) return NotFound();
        if (await RefuseCorrectionAsync(entry, ct) is { } refused) return refused;
        await log.RecordViewAsync(Own.ClientId, entry.Id, entry.IsPrivate, ct);
        return View("Form", await FormPageAsync(entry.Id, Versioned(IncidentForm.From(entry, Own.Zone), entry), entry.CorrectableUntil, ct));
    }

    [HttpPost("{incidentId:guid}/correct")]
    public async Task<IActionResult> Correct(Guid incidentId, IncidentForm form, CancellationToken ct)
    {
        var entry = await log.FindAsync(Own.ClientId, incidentId, ct);
        if (entry is null) return NotFound();
        if (await RefuseCorrectionAsync(entry, ct) is { } refused) return refused;
        var until = entry.CorrectableUntil;
        return await SubmitAsync(async () => View("Form", await FormPageAsync(incidentId, form, until, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            ExpectVersion(entry, form);
            await log.CorrectAsync(entry, form.ToDetails(Own.Zone), form.IsPrivate, Me, ct);
            Flash("Your correction was saved.");
            return RedirectToAction(nameof(Show), new { incidentId });
        }, () => Edit(incidentId, ct));
    }

    [HttpPost("{incidentId:guid}/addenda")]
    public async Task<IActionResult> AddAddendum(Guid incidentId, AddendumForm form, CancellationToken ct)
    {
        var entry = await log.FindAsync(Own.ClientId, incidentId, ct);
        if (entry is null) return NotFound();
        return await SubmitAsync(async () => View(nameof(Show), await DetailAsync(incidentId, form, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            await log.AddAddendumAsync(entry, form.Text, IncidentAuthor.Client, Me, ct);
            Flash("Your addendum was added.");
            return RedirectToAction(nameof(Show), new { incidentId });
        });
    }

    /// <summary>The note with its addenda; shown (first view, or again after a refused addendum) means read, audited unless private.</summary>
    private async Task<IncidentDetailPage?> DetailAsync(Guid incidentId, AddendumForm form, CancellationToken ct)
    {
        var view = await query.DetailAsync(Own.ClientId, incidentId, forClient: true, ct);
        if (view is null) return null;
        await log.RecordViewAsync(Own.ClientId, view.Entry.Id, view.Entry.IsPrivate, ct);
        return new IncidentDetailPage(view, form, Own.Zone, ForClient: true, Own.IsReadOnly, view.Entry.CanCorrect(Me, Calendar.UtcNow) && !Own.IsReadOnly);
    }

    /// <summary>
    /// When the note cannot be corrected now (the window has closed, another author, a discharged client): the note itself with
    /// the reason beside the addendum form, nothing changed; null when it can.
    /// </summary>
    private async Task<IActionResult?> RefuseCorrectionAsync(IncidentEntry entry, CancellationToken ct)
    {
        if ((Own.IsReadOnly ? CheckInsController.DischargedMessage : entry.CorrectionRefusal(Me, Calendar.UtcNow)) is not { } refusal) return null;
        ModelState.AddModelError("", refusal);
        return View(nameof(Show), await DetailAsync(entry.Id, new AddendumForm(), ct));
    }

    private async Task<IncidentFormPage> FormPageAsync(Guid? incidentId, IncidentForm form, DateTimeOffset? correctableUntil, CancellationToken ct)
    {
        // The form names the people of the plan and the network: a read of the record, audited.
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, null, Own.ClientId, ct);
        form.People = await query.PeopleAsync(Own.ClientId, forClient: true, ct);
        form.OffersPrivacy = true;
        return new IncidentFormPage(incidentId, form, Own.Zone, correctableUntil, ForClient: true);
    }
}
