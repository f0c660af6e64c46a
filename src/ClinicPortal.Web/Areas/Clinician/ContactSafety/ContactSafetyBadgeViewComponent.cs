using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ContactSafety;

/// <summary>The contact-safety badge in the client header (the caseload gets the same badge from its own row).</summary>
public sealed class ContactSafetyBadgeViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var level = await db.Set<ContactSafetyProfile>().Where(p => p.ClientId == clientId).Select(ContactSafetyLevels.OfProfile)
            .Cast<ContactSafetyLevel?>().SingleOrDefaultAsync(HttpContext.RequestAborted) ?? ContactSafetyLevel.NotRecorded;
        return View("~/Areas/Clinician/Shared/_ContactSafetyBadge.cshtml", new ContactSafetyBadge(clientId, level));
    }
}

public sealed record ContactSafetyBadge(Guid ClientId, ContactSafetyLevel Level);
