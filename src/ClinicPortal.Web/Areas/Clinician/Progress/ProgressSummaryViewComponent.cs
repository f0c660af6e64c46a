using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

public sealed record ProgressSummary(Guid ClientId, string ModelName, PathPoint? Current, int? DaysInStage, int Regressions);

/// <summary>The progress card on the client overview: current stage, days in it, regressions so far.</summary>
public sealed class ProgressSummaryViewComponent(ClinicDbContext db, ProgressQuery progress, ClinicCalendar calendar) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var model = await progress.CurrentModelAsync(clientId, HttpContext.RequestAborted);
        var assessments = await db.Set<StageAssessment>().Where(a => a.ClientId == clientId && a.ModelId == model.Id).ToListAsync(HttpContext.RequestAborted);
        var path = StagePath.Build(model, assessments);
        var today = await calendar.TodayAsync(HttpContext.RequestAborted);
        return View("~/Areas/Clinician/Progress/_Summary.cshtml",
            new ProgressSummary(clientId, model.Name, path.Current, path.DaysInCurrentStage(today), path.RegressionCount));
    }
}
