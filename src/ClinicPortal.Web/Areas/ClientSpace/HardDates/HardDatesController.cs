using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using ClinicPortal.Web.Features.HardDates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.HardDates;

/// <summary>
/// The client's own hard dates ("days that may be hard"): theirs and the ones their clinician added, on one list.
/// They add their own and remove only their own. Every query names the signed-in client's id.
/// </summary>
[Route("client/hard-dates")]
public sealed class HardDatesController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(HardDateForm.Blank(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(HardDateForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            var date = form.ToHardDate(Own.ClientId, Me, byClient: true, Today, Calendar.UtcNow);
            Db.Add(date);
            audit.Add(AuditActions.Create, AuditRecords.HardDate, date.Id, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            Flash("Saved. We will remind you gently a few days before.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("{hardDateId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid hardDateId, CancellationToken ct)
    {
        // Only the client's own entries: one their clinician added is not theirs to remove.
        var date = await Db.Set<HardDate>().SingleOrDefaultAsync(d => d.Id == hardDateId && d.ClientId == Own.ClientId && d.AddedByClient, ct);
        if (date is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            Db.Remove(date);
            audit.Add(AuditActions.Delete, AuditRecords.HardDate, date.Id, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            return "Removed.";
        });
    }

    private DateOnly Today => ClinicTime.DayOf(Calendar.UtcNow, Own.Zone);

    private async Task<HardDatesPage> PageAsync(HardDateForm form, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.HardDate, null, Own.ClientId, ct);
        return new HardDatesPage(await HardDatesPage.OfAsync(Db, Own.ClientId, ct), form, Today, Own.IsReadOnly, ForClient: true);
    }
}
