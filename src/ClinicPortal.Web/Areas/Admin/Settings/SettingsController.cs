using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Settings;

/// <summary>The clinic's settings (one row): name, time zone, reminder times, idle sign-out. Every change is audited.</summary>
[Route("admin/settings")]
public sealed class SettingsController(ClinicDbContext db, AuditTrail audit, ClinicSettingsCache cached) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var settings = await Db.ClinicSettings.SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        return View(nameof(Index), Page(Versioned(ClinicSettingsForm.From(settings), settings))); // named: also shown from Update
    }

    /// <summary>Any of the three numbers may fail to bind; each says so in its own words (see the form's BindingMessage).</summary>
    [HttpPost("")]
    public Task<IActionResult> Update(ClinicSettingsForm form, CancellationToken ct) =>
        SubmitAsync(() => View(nameof(Index), Page(form)), async () =>
        {
            var settings = await Db.ClinicSettings.SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct);
            ExpectVersion(settings, form);
            ClinicSettingsRules.Apply(settings, form.ToChange());
            audit.Add(AuditActions.Update, AuditRecords.ClinicSettings, ClinicSettings.SingletonId, null);
            await Db.SaveChangesAsync(ct);
            cached.Forget();
            Flash("Clinic settings saved. New reminder times apply to sessions booked or moved from now on.");
            return RedirectToAction(nameof(Index));
        }, () => Index(ct));

    private static ClinicSettingsForm Page(ClinicSettingsForm form)
    {
        var zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order(StringComparer.Ordinal).ToList();
        if (form.TimeZoneId is { Length: > 0 } current && !zones.Contains(current)) zones.Insert(0, current);
        form.TimeZones = zones;
        return form;
    }
}
