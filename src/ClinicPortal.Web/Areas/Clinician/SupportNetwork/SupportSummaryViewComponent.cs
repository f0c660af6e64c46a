using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

public sealed record SupportSummary(Guid ClientId, int Supportive, int CrisisContacts, int Mutual, int Risk, int Unknown, int Shared);

/// <summary>The support-network card on the client overview.</summary>
public sealed class SupportSummaryViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var people = await db.Set<SupportPerson>().Where(p => p.ClientId == clientId)
            .Select(p => new { p.Role, p.IsCrisisContact, p.SharedWithClient }).ToListAsync();
        return View("~/Areas/Clinician/SupportNetwork/_Summary.cshtml", new SupportSummary(clientId,
            people.Count(p => p.Role == SupportRole.Supportive), people.Count(p => p.IsCrisisContact),
            people.Count(p => p.Role == SupportRole.MutualNeutral), people.Count(p => p.Role == SupportRole.Risk),
            people.Count(p => p.Role == SupportRole.Unknown), people.Count(p => p.SharedWithClient && p.Role == SupportRole.Supportive)));
    }
}
