using ClinicPortal.Core.CheckIns;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CheckIns;

/// <summary>The check-in card on the client overview: the latest check-in, how many lately, and the signals.</summary>
public sealed class CheckInSummaryViewComponent(ClinicDbContext db, ClinicCalendar calendar, CheckInSignalsQuery checkInSignals) : ViewComponent
{
    public const int RecentDays = 14;

    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var ct = HttpContext.RequestAborted;
        var since = calendar.UtcNow.AddDays(-RecentDays);
        var latest = await db.Set<CheckIn>().Where(c => c.ClientId == clientId).OrderByDescending(c => c.CreatedAt)
            .Select(ClinicianCheckIn.Projection)
            .FirstOrDefaultAsync(ct);
        var recent = await db.Set<CheckIn>().CountAsync(c => c.ClientId == clientId && c.CreatedAt >= since, ct);
        var rules = await checkInSignals.RulesAsync(ct);
        var signals = CheckInSignals.Evaluate(await checkInSignals.FactsAsync(clientId, ct), rules, calendar.UtcNow);
        return View("~/Areas/Clinician/CheckIns/_Summary.cshtml",
            new CheckInSummary(clientId, recent, RecentDays, latest, signals, rules, await calendar.ZoneAsync(ct)));
    }
}
