using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Alerts;

/// <summary>The "Alerts" link in the clinician's top navigation, with the count of unacknowledged alerts (one query).</summary>
public sealed class AlertBadgeViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Areas/Clinician/Alerts/_AlertBadge.cshtml", await db.Set<ClinicianAlert>().CountAsync(a => a.AcknowledgedAt == null));
}
