using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Home;

public sealed record UpcomingSession(DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality);

public sealed record ClientHomePage(IReadOnlyList<UpcomingSession> Sessions, TimeZoneInfo Zone);

/// <summary>
/// The client's own space. The data filters give a client their own record only, so every query
/// here is about the signed-in client without passing any id from the browser.
/// </summary>
[Area("Client")]
[Authorize(Roles = Core.Accounts.Roles.Client)]
[Route("client")]
public sealed class HomeController(ClinicDbContext db, ClinicCalendar calendar) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(ct);
        var zone = client is not null && TimeZoneInfo.TryFindSystemTimeZoneById(client.TimeZoneId, out var z) ? z : await calendar.ZoneAsync(ct);
        var now = calendar.UtcNow;
        var sessions = await db.Set<TherapySession>()
            .Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).Take(3)
            .Select(s => new UpcomingSession(s.StartsAt, s.DurationMinutes, s.Modality))
            .ToListAsync(ct);
        return View(new ClientHomePage(sessions, zone));
    }
}
