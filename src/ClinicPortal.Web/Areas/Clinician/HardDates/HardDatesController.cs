using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Features.HardDates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.HardDates;

/// <summary>
/// A client's hard dates (birthdays, anniversaries, holidays, court dates) for their clinician: the ones the client
/// added and the clinician's own, on one list; add one, or remove one. The caseload notes the next one.
/// </summary>
[Route("clinician/clients/{clientId:guid}/hard-dates")]
public sealed class HardDatesController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.CheckIns;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(HardDateForm.Blank(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(HardDateForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            Client.EnsureEditable();
            var date = form.ToHardDate(Client.Id, Me, byClient: false, await calendar.TodayAsync(ct), calendar.UtcNow);
            Db.Add(date);
            audit.Add(AuditActions.Create, AuditRecords.HardDate, date.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Hard date added. The client sees it on their page, and a gentle note a few days before.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("{hardDateId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid hardDateId, CancellationToken ct)
    {
        var date = await Db.Set<HardDate>().SingleOrDefaultAsync(d => d.Id == hardDateId && d.ClientId == Client.Id, ct);
        if (date is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            Db.Remove(date);
            audit.Add(AuditActions.Delete, AuditRecords.HardDate, date.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            return "Hard date removed.";
        });
    }

    /// <summary>The list, first view or shown again after a refused form: either way the dates were read (audited).</summary>
    private async Task<HardDatesPage> PageAsync(HardDateForm form, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.HardDate, null, Client.Id, ct);
        return new HardDatesPage(await HardDatesPage.OfAsync(Db, Client.Id, ct), form, await calendar.TodayAsync(ct), Client.IsReadOnly, ForClient: false);
    }
}
