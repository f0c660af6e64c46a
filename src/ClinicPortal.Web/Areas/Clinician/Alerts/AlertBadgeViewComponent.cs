using ClinicPortal.Core.Caseload;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Alerts;

/// <summary>
/// The "Alerts" link in the clinician's top navigation, with the count of unacknowledged alerts: one query over
/// the clinician's client summaries, which keep that count per client, rather than over every alert ever raised.
/// </summary>
public sealed class AlertBadgeViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Areas/Clinician/Alerts/_AlertBadge.cshtml", await db.Set<ClientSummary>().SumAsync(s => s.OpenAlerts));
}
