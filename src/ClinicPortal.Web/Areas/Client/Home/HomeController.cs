using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Home;

public sealed record UpcomingSession(DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality);

/// <summary>A recent check-in on the home page: when, the two numbers, and whether it can still be changed.</summary>
public sealed record RecentCheckIn(Guid Id, DateTimeOffset CreatedAt, int Mood, int Urge, bool Editable);

/// <param name="Held">What was not emailed to the client because contact was not safe, shown here instead.</param>
public sealed record ClientHomePage(
    IReadOnlyList<UpcomingSession> Sessions, TimeZoneInfo Zone, IReadOnlyList<RecentCheckIn> RecentCheckIns,
    SharedPlan.SharedPlan Plan, bool HasSafetyPlan, IReadOnlyList<HeldNotice> Held);

/// <summary>
/// The client's own space. The data filters give a client their own record only, so every query
/// here is about the signed-in client without passing any id from the browser.
/// </summary>
[Route("client")]
public sealed class HomeController(ClinicDbContext db, ClinicCalendar calendar, ClientSharedPlan sharedPlan, HeldMessages held,
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : ClientSpaceController(db, calendar)
{
    public const int RecentCount = 5;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var zone = me?.Zone ?? await Calendar.ZoneAsync(ct);
        var now = Calendar.UtcNow;
        var editableFrom = now - CheckIn.EditWindow;
        var readOnly = me?.IsReadOnly ?? true;
        // Upcoming sessions and recent check-ins in one statement (the data filters keep both to this client).
        var lists = me is null ? null : await Db.Clients.Where(c => c.Id == me.ClientId).Select(c => new
            {
                Sessions = Db.Set<TherapySession>().Where(s => s.ClientId == me.ClientId && s.Status == SessionStatus.Scheduled && s.StartsAt > now)
                    .OrderBy(s => s.StartsAt).Take(3)
                    .Select(s => new UpcomingSession(s.StartsAt, s.DurationMinutes, s.Modality)).ToList(),
                Recent = Db.Set<CheckIn>().Where(k => k.ClientId == me.ClientId)
                    .OrderByDescending(k => k.CreatedAt).Take(RecentCount)
                    .Select(k => new RecentCheckIn(k.Id, k.CreatedAt, k.Mood, k.Urge, k.CreatedAt > editableFrom && !readOnly)).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        IReadOnlyList<UpcomingSession> sessions = lists?.Sessions ?? [];
        IReadOnlyList<RecentCheckIn> recent = lists?.Recent ?? [];
        var plan = await sharedPlan.ForUserAsync(UserId, ct);
        var hasSafetyPlan = await sharedPlan.HasSafetyPlanAsync(ct);
        var notices = me is null ? [] : await held.ForClientAsync(me.ClientId, now, ct);
        return View(new ClientHomePage(sessions, zone, recent, plan, hasSafetyPlan, notices));
    }

    /// <summary>
    /// Signs this browser out and every other one: a new security stamp makes every other sign-in of this
    /// client invalid at its next check (within a minute, see SecurityStampValidatorOptions in WebServices).
    /// </summary>
    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Flash"] = "You are signed out on all your devices.";
        return Redirect("/account/sign-in");
    }
}
