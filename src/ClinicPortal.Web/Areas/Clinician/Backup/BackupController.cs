using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Backup;

/// <summary>
/// "My backup": the clinician who gets this clinician's imminent alerts when nobody acknowledges them in time
/// (Core/Safety/Escalation). Not oneself, and only an active clinician; a refused choice saves nothing.
/// </summary>
[Route("clinician/backup")]
public sealed class BackupController(ClinicDbContext db, AuditTrail audit) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, ct));

    [HttpPost("")]
    public async Task<IActionResult> Save(BackupForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            if (form.BackupClinicianId is { } backup)
                Escalation.CheckBackup(Me, backup, await ActiveClinicians().AnyAsync(c => c.Id == backup, ct));
            var me = await Db.Users.SingleAsync(u => u.Id == Me, ct);
            me.BackupClinicianId = form.BackupClinicianId;
            audit.Add(AuditActions.Update, AuditRecords.Account, Me, null);
            await Db.SaveChangesAsync(ct);
            Flash(form.BackupClinicianId is null ? "You have no backup now: unacknowledged alerts go to the administrators." : "Your backup is saved.");
            return RedirectToAction(nameof(Index));
        });

    /// <param name="form">The refused form, shown again as typed; null for the saved choice.</param>
    private async Task<BackupPage> PageAsync(BackupForm? form, CancellationToken ct)
    {
        var current = await Db.Users.Where(u => u.Id == Me)
            .Select(u => new { u.BackupClinicianId, Name = Db.Users.Where(b => b.Id == u.BackupClinicianId).Select(b => b.DisplayName).FirstOrDefault() })
            .SingleAsync(ct);
        form ??= new BackupForm { BackupClinicianId = current.BackupClinicianId };
        form.Choices = await Db.ClinicianChoicesAsync(Me, ct);
        var after = await Db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.EscalateAfterMinutes).SingleAsync(ct);
        return new BackupPage(form, current.Name, after);
    }

    private IQueryable<ApplicationUser> ActiveClinicians() => Db.ActiveInRole(Roles.Clinician);
}
