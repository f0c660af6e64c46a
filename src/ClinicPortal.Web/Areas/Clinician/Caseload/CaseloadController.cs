using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

[Route("clinician")]
public sealed class CaseloadController(ClinicDbContext db, CaseloadQuery caseload, AuditTrail audit) : ClinicianController(db)
{
    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery] CaseloadFilter filter, CancellationToken ct) => ShowAsync(filter, ct);

    /// <summary>The name search (and paging or sorting while searching) is posted so no name reaches a URL.</summary>
    [HttpPost("")]
    public Task<IActionResult> Search([FromForm] CaseloadFilter filter, CancellationToken ct)
    {
        filter.ApplySortBy();
        return ShowAsync(filter, ct);
    }

    private async Task<IActionResult> ShowAsync(CaseloadFilter filter, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // An unknown stage, signal, sort or page number: show the whole caseload with the reason.
            ViewData["Error"] = "That filter is not one the caseload knows; showing all clients.";
            filter = new CaseloadFilter();
        }
        var page = await caseload.RunAsync(Me, filter, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Caseload, null, null, ct);
        return View("Index", page);
    }
}
