using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

public sealed record SafetySummary(Guid ClientId, IReadOnlyList<ConcernRow> OpenConcerns, int UnacknowledgedAlerts, PlanStatus Plan);

/// <summary>The "Safety" card of the client overview: open concerns, waiting alerts and the safety plan's state.</summary>
public sealed class SafetySummaryViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var open = await db.Set<SafetyConcern>().Where(c => c.ClientId == clientId && c.Status != ConcernStatus.Resolved)
            .OrderByDescending(c => c.Severity).ThenByDescending(c => c.UpdatedAt).Take(5)
            .Select(ConcernRow.Projection(db))
            .ToListAsync();
        var alerts = await db.Set<ClinicianAlert>().CountAsync(a => a.ClientId == clientId && a.AcknowledgedAt == null);
        var plan = await PlanStatus.OfAsync(db, clientId, HttpContext.RequestAborted);
        return View("~/Areas/Clinician/Safety/_SafetySummary.cshtml", new SafetySummary(clientId, open, alerts, plan));
    }
}
