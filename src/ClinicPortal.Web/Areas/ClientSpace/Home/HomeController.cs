using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Core.Messages;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Areas.ClientSpace.ClientTasks;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Home;

/// <summary>
/// The client's own space. The data filters give a client their own record only, so every query
/// here is about the signed-in client without passing any id from the browser.
/// </summary>
[Route("client")]
public sealed class HomeController(ClinicDbContext db, ClinicCalendar calendar, SharedPlanQuery sharedPlan, HeldMessages held, AuditTrail audit,
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SignOutEverywhere signOutEverywhere, Security.UnsafeDeviceToken devices)
    : ClientSpaceController(db, calendar)
{
    public const int RecentCount = 5;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = await OwnRecordAsync(ct);
        var zone = me?.Zone ?? await Calendar.ZoneAsync(ct);
        var now = Calendar.UtcNow;
        var editableFrom = now - CheckIn.EditWindow;
        var readOnly = me?.IsReadOnly ?? true;
        // VideoLink.IsShown, as the query reads it: the link of a session that starts by this (and has not ended).
        var linksFrom = VideoLink.ShownForStartsBy(now, (await Calendar.SettingsAsync(ct)).VideoLinkMinutesBefore);
        // Upcoming sessions, recent check-ins and unread messages in one statement (the data filters keep both to this client).
        var lists = me is null ? null : await Db.Clients.Where(c => c.Id == me.ClientId).Select(c => new
            {
                // Until each session ends; its video link is read only once the clinic's window before the start has opened.
                Sessions = Db.Set<TherapySession>().Where(s => s.ClientId == me.ClientId && s.Status == SessionStatus.Scheduled && s.EndsAt > now)
                    .OrderBy(s => s.StartsAt).Take(3)
                    .Select(s => new UpcomingSession(s.StartsAt, s.DurationMinutes, s.Modality,
                        s.Modality == SessionModality.Video && s.StartsAt <= linksFrom ? s.VideoLink : null)).ToList(),
                Recent = Db.Set<CheckIn>().Where(k => k.ClientId == me.ClientId)
                    .OrderByDescending(k => k.CreatedAt).Take(RecentCount)
                    .Select(k => new RecentCheckIn(k.Id, k.CreatedAt, k.Mood, k.Urge, k.CreatedAt > editableFrom && !readOnly)).ToList(),
                Unread = Db.Set<SecureMessage>().Where(MessageThread.UnreadByClient(me.ClientId)).Count(),
                // The tasks and plan card (ClientTasks/PlanAndTasksCard).
                OpenTasks = Db.Set<ClientTask>().Where(t => t.ClientId == me.ClientId && t.CompletedAt == null).OrderBy(t => t.DueOn).ThenBy(t => t.GivenAt)
                    .Take(PlanAndTasksCard.Shown).Select(t => new { t.Id, t.Title, t.DueOn }).ToList(),
                OpenTaskCount = Db.Set<ClientTask>().Count(t => t.ClientId == me.ClientId && t.CompletedAt == null),
                PlanAcknowledged = Db.Set<TreatmentPlanRevision>().Where(r => r.ClientId == me.ClientId && r.SignedAt != null).OrderByDescending(r => r.Number)
                    .Select(r => (bool?)(r.AcknowledgedAt != null)).FirstOrDefault(),
                HardDates = Db.Set<HardDate>().Where(d => d.ClientId == me.ClientId).Select(d => new { d.Date, d.Yearly }).ToList(),
                MeasuresWaiting = Db.Set<Core.Measures.MeasureResponse>().Count(r => r.ClientId == me.ClientId && r.SubmittedAt == null),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        IReadOnlyList<UpcomingSession> sessions = lists?.Sessions ?? [];
        IReadOnlyList<RecentCheckIn> recent = lists?.Recent ?? [];
        var plan = await sharedPlan.ForUserAsync(Me, ct);
        var hasSafetyPlan = await sharedPlan.HasSafetyPlanAsync(ct);
        var notices = me is null ? [] : await held.ForClientAsync(me.ClientId, now, ct);
        // The home shows the client's own record (sessions, check-ins, the plan shared with them): a read like any other.
        if (me is not null) await audit.RecordAsync(AuditActions.View, AuditRecords.Client, me.ClientId, me.ClientId, ct);
        var today = ClinicTime.DayOf(now, zone);
        var tasks = lists is null ? null : PlanAndTasksCard.Of(lists.OpenTasks.Select(t => (t.Id, t.Title, t.DueOn)), lists.OpenTaskCount, lists.PlanAcknowledged,
            zone, today, readOnly);
        var hardDay = HardDate.Soonest(lists?.HardDates.Select(d => (d.Date, d.Yearly)) ?? [], today, HardDate.PromptDays);
        return View(new ClientHomePage(sessions, zone, recent, plan, hasSafetyPlan, notices, lists?.Unread ?? 0, tasks, lists?.MeasuresWaiting ?? 0)
            { HardDayIn = hardDay });
    }

    /// <summary>
    /// Signs this browser out and every other one: a new security stamp makes every other sign-in of this
    /// client invalid at its next check (within a minute, see SecurityStampValidatorOptions in WebServices).
    /// </summary>
    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        // Rotates the security stamp: every session ends, and every device's "I feel unsafe" token with it.
        if (await users.GetUserAsync(User) is { } user) await signOutEverywhere.EndAllSessionsAsync(user);
        await signIn.SignOutAsync();
        devices.Clear(HttpContext);
        Flash("You are signed out on all your devices.");
        return RedirectToAction(nameof(AccountController.Login), ControllerNames.Of<AccountController>(), new { area = "" });
    }
}
