using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

public sealed record BoundarySummaryRow(Guid Id, string PersonName, ContactLevel ContactLevel, bool DoorOpen, bool ReviewOverdue);

public sealed record BoundarySummary(Guid ClientId, IReadOnlyList<BoundarySummaryRow> Boundaries);

/// <summary>The boundary card on the client overview (the overview page audits the view of the client).</summary>
public sealed class BoundarySummaryViewComponent(ClinicDbContext db, ClinicCalendar calendar) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var today = await calendar.TodayAsync();
        var rows = await db.Set<Boundary>().Where(b => b.ClientId == clientId).OrderBy(b => b.ContactLevel).ThenBy(b => b.CreatedAt)
            .Select(b => new BoundarySummaryRow(b.Id, b.PersonName, b.ContactLevel, b.DoorOpen, b.ReviewDate < today))
            .ToListAsync();
        return View("~/Areas/Clinician/BoundaryPlans/_Summary.cshtml", new BoundarySummary(clientId, rows));
    }
}
