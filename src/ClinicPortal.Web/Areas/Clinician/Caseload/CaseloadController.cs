using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

[Route("clinician")]
public sealed class CaseloadController(ClinicDbContext db, CaseloadQuery caseload, AuditTrail audit, ClinicCalendar calendar) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? stage, CancellationToken ct)
    {
        var rows = await caseload.RunAsync(Me, ct);
        // Filtering by stage id (not clinical content) happens on the rows already loaded: still one caseload query.
        ViewData[Progress.StageDistribution.Key] = Progress.StageDistribution.From(rows, stage, await calendar.TodayAsync(ct));
        ViewData["Zone"] = await calendar.ZoneAsync(ct);
        if (stage is not null) rows = rows.Where(r => r.StageId == stage).ToList();
        await audit.RecordAsync(AuditActions.View, AuditRecords.Caseload, null, null, ct);
        return View(rows);
    }
}
