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
            .Select(c => new ConcernRow(c.Id, c.Type, c.OtherType, c.Severity, c.Status, c.FirstNoticed, c.LastOccurrence, c.NextReviewDate, 0,
                db.Set<ClinicianAlert>().Any(a => a.ConcernId == c.Id && a.AcknowledgedAt == null)))
            .ToListAsync();
        var alerts = await db.Set<ClinicianAlert>().CountAsync(a => a.ClientId == clientId && a.AcknowledgedAt == null);
        var plan = await db.Set<SafetyPlan>().Where(p => p.ClientId == clientId)
            .Select(p => new PlanStatus(true, p.SharedWithClient, p.UpdatedAt)).SingleOrDefaultAsync() ?? new PlanStatus(false, false, null);
        return View("~/Areas/Clinician/Safety/_SafetySummary.cshtml", new SafetySummary(clientId, open, alerts, plan));
    }
}
