using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>A client's safety concern register: concerns, their dated actions and their full change history.</summary>
[Route("clinician/clients/{clientId:guid}/safety")]
public sealed class SafetyController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ClinicianAlerts alerts)
    : ClinicianController(db)
{
    public const string Section = "safety";
    private const string ChangedElsewhere = "This concern was changed in another window. Reload it and try again.";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var concerns = await Db.Set<SafetyConcern>().Where(c => c.ClientId == clientId)
            .OrderBy(c => c.Status == ConcernStatus.Resolved).ThenByDescending(c => c.Severity).ThenByDescending(c => c.UpdatedAt)
            .Select(c => new ConcernRow(c.Id, c.Type, c.OtherType, c.Severity, c.Status, c.FirstNoticed, c.LastOccurrence, c.NextReviewDate,
                Db.Set<SafetyConcernAction>().Count(a => a.ConcernId == c.Id),
                Db.Set<ClinicianAlert>().Any(a => a.ConcernId == c.Id && a.AcknowledgedAt == null)))
            .ToListAsync(ct);
        var plan = await Db.Set<SafetyPlan>().Where(p => p.ClientId == clientId)
            .Select(p => new PlanStatus(true, p.SharedWithClient, p.UpdatedAt)).SingleOrDefaultAsync(ct) ?? new PlanStatus(false, false, null);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyConcern, null, clientId, ct);
        return View(new SafetyRegisterPage(clientId, client.IsReadOnly, concerns, plan, await calendar.TodayAsync(ct)));
    }

    [HttpGet("concerns/new")]
    public async Task<IActionResult> New(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        if (client.IsReadOnly) return ReadOnlyClient(clientId);
        return View("Form", new ConcernFormPage(clientId, null, new ConcernForm { FirstNoticed = await calendar.TodayAsync(ct) }));
    }

    [HttpPost("concerns/new")]
    public async Task<IActionResult> Create(Guid clientId, ConcernForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var page = new ConcernFormPage(clientId, null, form);
        ExplainListErrors();
        if (!ModelState.IsValid) return View("Form", page);
        try
        {
            client.EnsureEditable();
            var concern = SafetyConcern.Record(clientId, form.ToDetails(), Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Add(concern);
            audit.Add(AuditActions.Create, AuditRecords.SafetyConcern, concern.Id, clientId);
            var alert = AlertRules.ConcernNeedsAlert(null, null, concern.Severity, concern.Status)
                ? alerts.Add(clientId, AlertKind.ConcernRaised, concern.Severity, concern.Id) : null;
            await Db.SaveChangesAsync(ct);
            if (alert is not null) await alerts.NotifyAsync(alert, ct);
            Flash(alert is null ? "Concern recorded." : "Concern recorded. An alert was raised.");
            return RedirectToAction(nameof(Show), new { clientId, concernId = concern.Id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
    }

    [HttpGet("concerns/{concernId:guid}")]
    public async Task<IActionResult> Show(Guid clientId, Guid concernId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindConcernAsync(clientId, concernId, ct) is not { } concern) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyConcern, concernId, clientId, ct);
        return View(await ConcernPageAsync(client.IsReadOnly, concern, new ActionForm { TakenOn = await calendar.TodayAsync(ct) }, ct));
    }

    [HttpGet("concerns/{concernId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid clientId, Guid concernId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindConcernAsync(clientId, concernId, ct) is not { } concern) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        if (client.IsReadOnly) return ReadOnlyClient(clientId);
        return View("Form", new ConcernFormPage(clientId, concernId, ConcernForm.From(concern)));
    }

    [HttpPost("concerns/{concernId:guid}/edit")]
    public async Task<IActionResult> Update(Guid clientId, Guid concernId, ConcernForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindConcernAsync(clientId, concernId, ct) is not { } concern) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var page = new ConcernFormPage(clientId, concernId, form);
        ExplainListErrors();
        if (!ModelState.IsValid) return View("Form", page);
        try
        {
            client.EnsureEditable();
            var (severity, status) = (concern.Severity, concern.Status);
            var change = concern.Update(form.ToDetails(concern), Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            if (change is null)
            {
                Flash("Nothing changed.");
                return RedirectToAction(nameof(Show), new { clientId, concernId });
            }
            Db.Add(change);
            audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, clientId);
            var alert = AlertRules.ConcernNeedsAlert(severity, status, concern.Severity, concern.Status)
                ? alerts.Add(clientId, AlertKind.ConcernRaised, concern.Severity, concern.Id) : null;
            await Db.SaveChangesAsync(ct);
            if (alert is not null) await alerts.NotifyAsync(alert, ct);
            Flash(alert is null ? "Concern updated." : "Concern updated. An alert was raised.");
            return RedirectToAction(nameof(Show), new { clientId, concernId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ChangedElsewhere);
            return View("Form", page);
        }
    }

    [HttpPost("concerns/{concernId:guid}/actions")]
    public async Task<IActionResult> AddAction(Guid clientId, Guid concernId, ActionForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindConcernAsync(clientId, concernId, ct) is not { } concern) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        ExplainListErrors();
        if (ModelState.IsValid)
        {
            try
            {
                client.EnsureEditable();
                var (action, change) = concern.AddAction(form.Kind, form.TakenOn, form.Note, Me, await calendar.TodayAsync(ct), calendar.UtcNow);
                Db.Add(action);
                Db.Add(change);
                audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, clientId);
                await Db.SaveChangesAsync(ct);
                Flash("Action recorded.");
                return RedirectToAction(nameof(Show), new { clientId, concernId });
            }
            catch (DomainRuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", ChangedElsewhere);
            }
        }
        Db.ChangeTracker.Clear();
        concern = (await FindConcernAsync(clientId, concernId, ct))!;
        return View(nameof(Show), await ConcernPageAsync(client.IsReadOnly, concern, form, ct));
    }

    /// <summary>A value outside a list fails model binding; say what the list is, as the domain rules do.</summary>
    private void ExplainListErrors()
    {
        foreach (var (key, message) in ListMessages)
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
    }

    private static readonly (string Key, string Message)[] ListMessages =
    [
        ("Type", "Choose the type of concern."), ("Severity", "Choose a severity: low, moderate, high or imminent."),
        ("Status", "Choose a status: open, monitoring or resolved."), ("Kind", "Choose which action was taken."),
    ];

    private Task<SafetyConcern?> FindConcernAsync(Guid clientId, Guid concernId, CancellationToken ct) =>
        Db.Set<SafetyConcern>().SingleOrDefaultAsync(c => c.Id == concernId && c.ClientId == clientId, ct);

    private async Task<ConcernPage> ConcernPageAsync(bool readOnly, SafetyConcern concern, ActionForm newAction, CancellationToken ct)
    {
        var actions = await Db.Set<SafetyConcernAction>().Where(a => a.ConcernId == concern.Id && a.ClientId == concern.ClientId)
            .OrderByDescending(a => a.TakenOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        var changes = await Db.Set<SafetyConcernChange>().Where(h => h.ConcernId == concern.Id && h.ClientId == concern.ClientId)
            .OrderByDescending(h => h.ChangedAt).ToListAsync(ct);
        var openAlerts = await Db.Set<ClinicianAlert>().Where(a => a.ConcernId == concern.Id && a.AcknowledgedAt == null)
            .OrderByDescending(a => a.RaisedAt).Select(a => new AlertView(a.Id, a.Kind, a.Severity, a.RaisedAt)).ToListAsync(ct);
        var ids = actions.Select(a => a.RecordedById).Concat(changes.Select(h => h.ChangedById)).Distinct().ToList();
        var names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new ConcernPage(concern.ClientId, readOnly, concern,
            actions.Select(a => new ActionView(a.Label, a.Kind, a.TakenOn, a.Note, names.GetValueOrDefault(a.RecordedById, "—"), a.RecordedAt)).ToList(),
            changes.Select(h => new ChangeView(names.GetValueOrDefault(h.ChangedById, "—"), h.ChangedAt, h.Lines, h.PreviousDescription, h.PreviousResolutionNote)).ToList(),
            openAlerts, newAction, await calendar.TodayAsync(ct), await calendar.ZoneAsync(ct));
    }

}
