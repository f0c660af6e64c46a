using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Safety;

public sealed record CrisisStrip(IReadOnlyList<CrisisResource> Resources, bool HasSafetyPlan);

/// <summary>
/// The crisis numbers (tel: and sms: links) at the top of every client page, and the one-tap link to the
/// client's safety plan once their clinician has shared it.
/// </summary>
public sealed class CrisisResourcesViewComponent(ClinicDbContext db, CrisisResourcesQuery crisisResources) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var resources = await crisisResources.ActiveAsync(HttpContext.RequestAborted);
        var hasPlan = await db.Set<SafetyPlan>().AnyAsync(p => p.SharedWithClient, HttpContext.RequestAborted);
        return View("~/Areas/ClientSpace/Safety/_CrisisResources.cshtml", new CrisisStrip(resources, hasPlan));
    }
}
