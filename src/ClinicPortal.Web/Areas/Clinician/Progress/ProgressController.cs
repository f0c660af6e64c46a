using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

/// <summary>A client's stage path: assessments over time, regressions marked, and the model they follow.</summary>
[Route("clinician/clients/{clientId:guid}/progress")]
public sealed class ProgressController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ProgressQuery progress)
    : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        return await Show(client, new AssessmentForm { AssessedOn = await calendar.TodayAsync(ct) }, ct);
    }

    [HttpPost("assessments")]
    public async Task<IActionResult> Record(Guid clientId, AssessmentForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (form.NoteId is { } noteId && !await Db.CaseNotes.AnyAsync(n => n.Id == noteId && n.ClientId == clientId, ct)) return NotFound();
        if (!ModelState.IsValid) return await Show(client, form, ct);
        try
        {
            var model = await progress.CurrentModelAsync(clientId, ct);
            var assessment = StageAssessment.Record(client, model, form.StageId ?? Guid.Empty, form.AssessedOn, form.Evidence,
                form.NoteId, sessionId: null, Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Add(assessment);
            audit.Add(AuditActions.Create, AuditRecords.StageAssessment, assessment.Id, clientId);
            await Db.SaveChangesAsync(ct);
            Flash("Assessment recorded.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return await Show(client, form, ct);
        }
    }

    [HttpPost("model")]
    public async Task<IActionResult> SwitchModel(Guid clientId, Guid? modelId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (modelId is not { } id || await progress.ModelAsync(id, ct) is not { } to) return NotFound();
        try
        {
            var change = ClientStageModel.Switch(client, await progress.CurrentModelIdAsync(clientId, ct), to, Me, calendar.UtcNow);
            Db.Add(change);
            audit.Add(AuditActions.Update, AuditRecords.StageModelAssignment, change.Id, clientId);
            await Db.SaveChangesAsync(ct);
            Flash($"The client now follows {to.Name}. Earlier assessments stay in their own model's path.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Index), new { clientId });
    }

    private async Task<IActionResult> Show(Core.Clients.Client client, AssessmentForm form, CancellationToken ct)
    {
        await SetHeaderAsync(client, "progress", ct);
        var page = await progress.PageAsync(client, form, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.StageProgress, null, client.Id, ct);
        return View("Index", page);
    }
}
