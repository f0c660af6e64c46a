using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>A client's safety concern register: concerns, their dated actions and their full change history.</summary>
[Route("clinician/clients/{clientId:guid}/safety")]
public sealed class SafetyController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ClinicianAlerts alerts)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Safety;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var concerns = await Db.Set<SafetyConcern>().Where(c => c.ClientId == Client.Id)
            .OrderBy(c => c.Status == ConcernStatus.Resolved).ThenByDescending(c => c.Severity).ThenByDescending(c => c.UpdatedAt)
            .Select(ConcernRow.Projection(Db)).ToListAsync(ct);
        var plan = await PlanStatus.OfAsync(Db, Client.Id, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyConcern, null, Client.Id, ct);
        return View(new SafetyRegisterPage(Client.IsReadOnly, concerns, plan, await calendar.TodayAsync(ct)));
    }

    [HttpGet("concerns/new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (Client.IsReadOnly) return ReadOnlyClient();
        return View("Form", new ConcernFormPage(null, new ConcernForm { FirstNoticed = await calendar.TodayAsync(ct) }));
    }

    [HttpPost("concerns/new")]
    public Task<IActionResult> Create(ConcernForm form, CancellationToken ct) =>
        SubmitAsync(() => View("Form", new ConcernFormPage(null, form)), async () =>
        {
            Client.EnsureEditable();
            var concern = SafetyConcern.Record(Client.Id, form.ToDetails(), Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Add(concern);
            audit.Add(AuditActions.Create, AuditRecords.SafetyConcern, concern.Id, Client.Id);
            var alerted = await AlertIfNeededAsync(concern, null, null, ct);
            await Db.SaveChangesAsync(ct);
            Flash(alerted ? "Concern recorded. An alert was raised." : "Concern recorded.");
            return RedirectToAction(nameof(Show), new { concernId = concern.Id });
        });

    [HttpGet("concerns/{concernId:guid}")]
    public async Task<IActionResult> Show(Guid concernId, CancellationToken ct)
    {
        if (await FindConcernAsync(concernId, ct) is not { } concern) return NotFound();
        return View(await ConcernPageAsync(concern, new ActionForm { TakenOn = await calendar.TodayAsync(ct) }, ct));
    }

    [HttpGet("concerns/{concernId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid concernId, CancellationToken ct)
    {
        if (await FindConcernAsync(concernId, ct) is not { } concern) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyConcern, concernId, Client.Id, ct); // the form shows the concern
        return View("Form", new ConcernFormPage(concernId, Versioned(ConcernForm.From(concern), concern)));
    }

    [HttpPost("concerns/{concernId:guid}/edit")]
    public async Task<IActionResult> Update(Guid concernId, ConcernForm form, CancellationToken ct)
    {
        if (await FindConcernAsync(concernId, ct) is not { } concern) return NotFound();
        return await SubmitAsync(() => View("Form", new ConcernFormPage(concernId, form)), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(concern, form);
            var (severity, status) = (concern.Severity, concern.Status);
            if (concern.Update(form.ToDetails(concern), Me, await calendar.TodayAsync(ct), calendar.UtcNow) is null)
            {
                Flash("Nothing changed.");
                return RedirectToAction(nameof(Show), new { concernId });
            }
            audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, Client.Id);
            var alerted = await AlertIfNeededAsync(concern, severity, status, ct);
            await Db.SaveChangesAsync(ct); // the change is saved through the concern's history
            Flash(alerted ? "Concern updated. An alert was raised." : "Concern updated.");
            return RedirectToAction(nameof(Show), new { concernId });
        }, () => Edit(concernId, ct));
    }

    [HttpPost("concerns/{concernId:guid}/actions")]
    public async Task<IActionResult> AddAction(Guid concernId, ActionForm form, CancellationToken ct)
    {
        if (await FindConcernAsync(concernId, ct) is not { } concern) return NotFound();
        return await SubmitAsync(
            async () => View(nameof(Show), await ConcernPageAsync((await FindConcernAsync(concernId, ct))!, form, ct)),
            async () =>
            {
                Client.EnsureEditable();
                concern.AddAction(form.Kind, form.TakenOn, form.Note, Me, await calendar.TodayAsync(ct), calendar.UtcNow);
                audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, Client.Id);
                await Db.SaveChangesAsync(ct); // the action and its history line are saved through the concern
                Flash("Action recorded.");
                return RedirectToAction(nameof(Show), new { concernId });
            });
    }

    /// <summary>Adds an alert to this unit of work when the rules call for one (the clinician is emailed after it commits).</summary>
    private async Task<bool> AlertIfNeededAsync(SafetyConcern concern, ConcernSeverity? severityBefore, ConcernStatus? statusBefore, CancellationToken ct)
    {
        if (!AlertRules.ConcernNeedsAlert(severityBefore, statusBefore, concern.Severity, concern.Status)) return false;
        await alerts.AddAsync(Client.Id, AlertKind.ConcernRaised, concern.Severity, concern.Id, ct: ct);
        return true;
    }

    private Task<SafetyConcern?> FindConcernAsync(Guid concernId, CancellationToken ct) =>
        Db.Set<SafetyConcern>().SingleOrDefaultAsync(c => c.Id == concernId && c.ClientId == Client.Id, ct);

    /// <summary>The concern's page, first view or shown again after a refused action: either way the concern was read (audited).</summary>
    private async Task<ConcernPage> ConcernPageAsync(SafetyConcern concern, ActionForm newAction, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyConcern, concern.Id, Client.Id, ct);
        var actions = await Db.Set<SafetyConcernAction>().Where(a => a.ConcernId == concern.Id && a.ClientId == concern.ClientId)
            .OrderByDescending(a => a.TakenOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        var changes = await Db.Set<SafetyConcernChange>().Where(h => h.ConcernId == concern.Id && h.ClientId == concern.ClientId)
            .OrderByDescending(h => h.ChangedAt).ToListAsync(ct);
        var openAlerts = await Db.Set<ClinicianAlert>().Where(a => a.ConcernId == concern.Id && a.AcknowledgedAt == null)
            .OrderByDescending(a => a.RaisedAt).Select(a => new AlertView(a.Id, a.Kind, a.Severity, a.RaisedAt)).ToListAsync(ct);
        var ids = actions.Select(a => a.RecordedById).Concat(changes.Select(h => h.ChangedById)).Distinct().ToList();
        var names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new ConcernPage(Client.IsReadOnly, concern,
            actions.Select(a => new ActionView(a.Label, a.Kind, a.TakenOn, a.Note, names.GetValueOrDefault(a.RecordedById, "—"), a.RecordedAt)).ToList(),
            changes.Select(h => new ChangeView(names.GetValueOrDefault(h.ChangedById, "—"), h.ChangedAt, h.Lines, h.PreviousDescription, h.PreviousResolutionNote)).ToList(),
            openAlerts, newAction, await calendar.TodayAsync(ct), await calendar.ZoneAsync(ct));
    }
}
