using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Availability;

/// <summary>The signed-in clinician's weekly availability, from which their clients request times. Their own windows only.</summary>
[Route("clinician/availability")]
public sealed class AvailabilityController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new AvailabilityForm(), ct));

    [HttpPost("")]
    public Task<IActionResult> Add(AvailabilityForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            var window = AvailabilityWindow.Create(Me, form.Day, form.Opens, form.Closes, calendar.UtcNow);
            Db.Add(window);
            audit.Add(AuditActions.Create, AuditRecords.AvailabilityWindow, window.Id, null);
            await Db.SaveChangesAsync(ct);
            Flash("Available time added. Your clients can request times in it.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("{windowId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid windowId, CancellationToken ct)
    {
        var me = Me;
        if (await Db.Set<AvailabilityWindow>().SingleOrDefaultAsync(w => w.Id == windowId && w.ClinicianId == me, ct) is not { } window) return NotFound();
        Db.Remove(window);
        audit.Add(AuditActions.Delete, AuditRecords.AvailabilityWindow, windowId, null);
        await Db.SaveChangesAsync(ct);
        Flash("Available time removed. Requests already made are not changed.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<AvailabilityPage> PageAsync(AvailabilityForm form, CancellationToken ct)
    {
        var me = Me;
        var windows = await Db.Set<AvailabilityWindow>().AsNoTracking().Where(w => w.ClinicianId == me)
            .OrderBy(w => w.Day).ThenBy(w => w.Opens).ToListAsync(ct);
        return new AvailabilityPage(windows, form, (await calendar.ZoneAsync(ct)).Id);
    }
}
