using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.ClientTasks;

/// <summary>The tasks the clinician gave the client, to tick off (or untick) as they go. The data filters keep the client to their own.</summary>
[Route("client/tasks")]
public sealed class ClientTasksController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.ClientTask, null, Own.ClientId, ct);
        return View(new MyTasksPage(await MyTasksQuery.ListAsync(Db, Own.ClientId, Today, ct), Own.Zone, Own.IsReadOnly));
    }

    /// <param name="done">True to tick the task off, false to untick it.</param>
    [HttpPost("{taskId:guid}/tick")]
    public async Task<IActionResult> Tick(Guid taskId, bool done, CancellationToken ct)
    {
        var task = await Db.Set<ClientTask>().SingleOrDefaultAsync(t => t.Id == taskId && t.ClientId == Own.ClientId, ct);
        if (task is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            if (task.Tick(done, Calendar.UtcNow) is not { } tick) return done ? "Already ticked off." : "Already open.";
            Db.Add(tick);
            audit.Add(AuditActions.Update, AuditRecords.ClientTask, task.Id, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            return done ? "Ticked off. Well done." : "Back on your list.";
        });
    }

    private DateOnly Today => ClinicTime.DayOf(Calendar.UtcNow, Own.Zone);
}
