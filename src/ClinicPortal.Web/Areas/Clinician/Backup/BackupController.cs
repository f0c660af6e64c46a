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
/// "My backup and alert emails": the clinician who gets this clinician's imminent alerts when nobody acknowledges them
/// in time (Core/Safety/Escalation; not oneself, and only an active clinician), and which alerts also reach this clinician
/// by email (Core/Safety/AlertRules.Emails; imminent ones always do). A refused choice saves nothing.
/// </summary>
[Route("clinician/backup")]
public sealed class BackupController(ClinicDbContext db, AuditTrail audit) : ClinicianController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, null, ct));

    [HttpPost("")]
    public async Task<IActionResult> Save(BackupForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await PageAsync(form, null, ct)), async () =>
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

    [HttpPost("alert-mail")]
    public async Task<IActionResult> SaveAlertMail(AlertMailForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await PageAsync(null, form, ct)), async () =>
        {
            var mailFrom = AlertRules.ValidMailFrom(form.MailFrom);
            var me = await Db.Users.SingleAsync(u => u.Id == Me, ct);
            me.AlertMailFrom = mailFrom;
            audit.Add(AuditActions.Update, AuditRecords.Account, Me, null);
            await Db.SaveChangesAsync(ct);
            Flash("Your alert email choice is saved.");
            return RedirectToAction(nameof(Index));
        });

    /// <param name="form">A refused backup form, shown again as typed; null for the saved choice.</param>
    /// <param name="mail">A refused alert-mail form, likewise.</param>
    private async Task<BackupPage> PageAsync(BackupForm? form, AlertMailForm? mail, CancellationToken ct)
    {
        var current = await Db.Users.Where(u => u.Id == Me)
            .Select(u => new { u.BackupClinicianId, u.AlertMailFrom, Name = Db.Users.Where(b => b.Id == u.BackupClinicianId).Select(b => b.DisplayName).FirstOrDefault() })
            .SingleAsync(ct);
        form ??= new BackupForm { BackupClinicianId = current.BackupClinicianId };
        form.Choices = await Db.ClinicianChoicesAsync(Me, ct);
        var clinic = await Db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId)
            .Select(s => new { s.EscalateAfterMinutes, s.ContactAttemptSeverity }).SingleAsync(ct);
        return new BackupPage(form, current.Name, clinic.EscalateAfterMinutes, mail ?? new AlertMailForm { MailFrom = current.AlertMailFrom }, clinic.ContactAttemptSeverity);
    }

    private IQueryable<ApplicationUser> ActiveClinicians() => Db.ActiveInRole(Roles.Clinician);
}
