using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.OnCall;

/// <summary>
/// The clinic's weekly on-call rota: who gets an unacknowledged imminent alert first on each day of the week (clinic time),
/// before the client's clinician's backup (<see cref="Core.Safety.OnCall"/>). Only active clinicians; a refused rota saves nothing.
/// </summary>
[Route("admin/on-call")]
public sealed class OnCallController(ClinicDbContext db, AuditTrail audit) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var form = new OnCallForm();
        foreach (var day in await Db.Set<OnCallDay>().ToListAsync(ct)) form[day.Day] = day.ClinicianId;
        return View(await WithChoicesAsync(form, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(OnCallForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await WithChoicesAsync(form, ct)), async () =>
        {
            var rota = form.Rota();
            var named = rota.Values.Distinct().ToList();
            Core.Safety.OnCall.CheckRota(rota, (await Db.ActiveInRole(Roles.Clinician).Where(c => named.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet());
            Db.RemoveRange(await Db.Set<OnCallDay>().ToListAsync(ct));
            Db.AddRange(rota.Select(r => new OnCallDay(r.Key, r.Value)));
            audit.Add(AuditActions.Update, AuditRecords.OnCallRota, null, null);
            await Db.SaveChangesAsync(ct);
            Flash("The on-call rota is saved.");
            return RedirectToAction(nameof(Index));
        });

    private async Task<OnCallForm> WithChoicesAsync(OnCallForm form, CancellationToken ct)
    {
        form.Clinicians = await Db.ClinicianChoicesAsync(null, ct);
        return form;
    }
}
