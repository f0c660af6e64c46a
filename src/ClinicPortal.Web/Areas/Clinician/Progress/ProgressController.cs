using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Areas.Clinician.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

/// <summary>A client's stage path: assessments over time, regressions marked, and the model they follow.</summary>
[Route("clinician/clients/{clientId:guid}/progress")]
public sealed class ProgressController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ProgressQuery progress, ClientSessionQuery sessions)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Progress;

    /// <param name="sessionId">"Assess stage" on a session: the assessment form starts linked to it.</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? sessionId, CancellationToken ct)
    {
        var form = new AssessmentForm { AssessedOn = await calendar.TodayAsync(ct), SessionId = sessionId };
        if (sessionId is { } id && await sessions.StartOfAsync(Client.Id, id, ct) is null) return NotFound();
        return await ShowAsync(form, ct);
    }

    [HttpPost("assessments")]
    public async Task<IActionResult> Record(AssessmentForm form, CancellationToken ct)
    {
        if (form.NoteId is { } noteId && !await Db.CaseNotes.AnyAsync(n => n.Id == noteId && n.ClientId == Client.Id, ct)) return NotFound();
        return await SubmitAsync(() => ShowAsync(form, ct), async () =>
        {
            var model = await progress.CurrentModelAsync(Client.Id, ct);
            if (form.SessionId is { } sessionId) SessionLink.Refuse(await sessions.StartOfAsync(Client.Id, sessionId, ct) is not null);
            // An assessment linked to a note written from a session is linked to that session too.
            var session = form.SessionId ?? (form.NoteId is { } noteId
                ? await Db.CaseNotes.Where(n => n.Id == noteId && n.ClientId == Client.Id).Select(n => n.SessionId).SingleOrDefaultAsync(ct)
                : null);
            var assessment = StageAssessment.Record(Client, model, form.StageId ?? Guid.Empty, form.AssessedOn, form.Evidence,
                form.NoteId, session, Me, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Add(assessment);
            audit.Add(AuditActions.Create, AuditRecords.StageAssessment, assessment.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Assessment recorded.");
            return RedirectToAction(nameof(Index));
        });
    }

    [HttpPost("model")]
    public async Task<IActionResult> SwitchModel(Guid? modelId, CancellationToken ct)
    {
        if (modelId is not { } id || await progress.ModelAsync(id, ct) is not { } to) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            var change = ClientStageModel.Switch(Client, await progress.CurrentModelIdAsync(Client.Id, ct), to, Me, calendar.UtcNow);
            Db.Add(change);
            audit.Add(AuditActions.Update, AuditRecords.StageModelAssignment, change.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            return $"The client now follows {to.Name}. Earlier assessments stay in their own model's path.";
        });
    }

    private async Task<IActionResult> ShowAsync(AssessmentForm form, CancellationToken ct)
    {
        if (form.SessionId is { } linked && await sessions.StartOfAsync(Client.Id, linked, ct) is { } start)
            form.SessionLabel = ClientSessionQuery.Label(start, await calendar.ZoneAsync(ct));
        var page = await progress.PageAsync(Client, form, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.StageProgress, null, Client.Id, ct);
        return View(nameof(Index), page);
    }
}
