using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Clinics;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.Safety;

/// <summary>The client's own safety plan, once shared: steps to work through, printable.</summary>
[Route("client/safety-plan")]
public sealed class SafetyPlanController(ClinicDbContext db, ClinicCalendar calendar, SharedSafetyPlanQuery query, AuditTrail audit)
    : ClientSpaceController(db, calendar)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var plan = await query.RunAsync(ct);
        if (plan is not null) await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyPlan, plan.Id, plan.ClientId, ct);
        return View(plan);
    }
}
