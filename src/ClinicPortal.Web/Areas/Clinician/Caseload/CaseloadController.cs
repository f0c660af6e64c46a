using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

[Route("clinician")]
public sealed class CaseloadController(ClinicDbContext db, CaseloadQuery caseload, AuditTrail audit) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await caseload.RunAsync(Me, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Caseload, null, null, ct);
        return View(rows);
    }
}
