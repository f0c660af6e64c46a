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
            // An unknown stage, signal, sort or page number, or a search too long: the whole caseload, with the reasons.
            var reasons = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct();
            ViewData["Error"] = string.Join(" ", reasons) + " Showing all clients.";
            filter = new CaseloadFilter();
        }
        var page = await caseload.RunAsync(Me, filter, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Caseload, null, null, ct);
        return View("Index", page);
    }
}
