using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.ClientTasks;

/// <param name="Open">The open tasks, soonest due first (a few).</param>
/// <param name="PlanToRead">A signed plan the client has not said they have read yet.</param>
public sealed record PlanAndTasksCard(IReadOnlyList<MyTask> Open, int OpenCount, bool HasPlan, bool PlanToRead, TimeZoneInfo Zone, bool ReadOnly);

/// <summary>The client home's card for their tasks and their plan, read in one statement (the data filters keep it to their own).</summary>
public sealed class PlanAndTasksCardViewComponent(ClinicDbContext db, ClinicCalendar calendar) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpCurrentActor.UserIdOf(UserClaimsPrincipal) is not { } userId) return Content("");
        var ct = HttpContext.RequestAborted;
        var row = await db.Clients.Where(c => c.UserId == userId).Select(c => new
            {
                c.TimeZoneId, c.Status,
                Open = db.Set<ClientTask>().Where(t => t.ClientId == c.Id && t.CompletedAt == null).OrderBy(t => t.DueOn).ThenBy(t => t.GivenAt).Take(Shown)
                    .Select(t => new { t.Id, t.Title, t.DueOn }).ToList(),
                OpenCount = db.Set<ClientTask>().Count(t => t.ClientId == c.Id && t.CompletedAt == null),
                Plan = db.Set<TreatmentPlanRevision>().Where(r => r.ClientId == c.Id && r.SignedAt != null).OrderByDescending(r => r.Number)
                    .Select(r => new { r.AcknowledgedAt }).FirstOrDefault(),
            })
            .AsSingleQuery().SingleOrDefaultAsync(ct);
        if (row is null || (row.OpenCount == 0 && row.Plan is null)) return Content("");
        var zone = ClinicTime.Zone(row.TimeZoneId, await calendar.ZoneAsync(ct));
        var today = ClinicTime.DayOf(calendar.UtcNow, zone);
        var open = row.Open.Select(t => new MyTask(t.Id, t.Title, t.DueOn, null, ClientTask.Overdue(false, t.DueOn, today))).ToList();
        return View("~/Areas/ClientSpace/ClientTasks/_PlanAndTasksCard.cshtml", new PlanAndTasksCard(open, row.OpenCount, row.Plan is not null,
            row.Plan is { AcknowledgedAt: null }, zone, row.Status == Core.Clients.ClientStatus.Discharged));
    }
}
