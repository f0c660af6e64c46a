using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Settings;

/// <summary>
/// The settings form, as typed. To add a setting: a property here, in <see cref="ToChange"/> and
/// <see cref="From"/>, in <see cref="ClinicSettingsChange"/> (with its check in ClinicSettingsRules.Apply),
/// and a field in Index.cshtml.
/// </summary>
public sealed class ClinicSettingsForm
{
    public string? Name { get; set; }
    public string? TimeZoneId { get; set; }
    /// <summary>E.g. "24h, 2h".</summary>
    public string? ReminderLeadTimes { get; set; }
    [BindingMessage("Idle sign-out must be a whole number of minutes.")]
    public int? IdleTimeoutMinutes { get; set; }
    [BindingMessage("The urge threshold must be a whole number from 1 to 10.")]
    public int? CheckInUrgeThreshold { get; set; }
    [BindingMessage("Days without a check-in must be a whole number of days.")]
    public int? NoCheckInDays { get; set; }

    public static ClinicSettingsForm From(ClinicSettings s) => new()
    {
        Name = s.Name, TimeZoneId = s.TimeZoneId, ReminderLeadTimes = ClinicSettingsRules.FormatLeadTimes(s.ReminderLeadMinutes),
        IdleTimeoutMinutes = s.IdleTimeoutMinutes,
        CheckInUrgeThreshold = s.CheckInUrgeThreshold,
        NoCheckInDays = s.NoCheckInDays,
    };

    /// <summary>The time zones offered (every IANA zone, and the current one even if unknown here): shown, never read from a post.</summary>
    [BindNever]
    public IReadOnlyList<string> TimeZones { get; set; } = [];

    public ClinicSettingsChange ToChange() => new(Name, TimeZoneId, ReminderLeadTimes, IdleTimeoutMinutes, CheckInUrgeThreshold, NoCheckInDays);
}

/// <summary>The clinic's settings (one row): name, time zone, reminder times, idle sign-out. Every change is audited.</summary>
[Route("admin/settings")]
public sealed class SettingsController(ClinicDbContext db, AuditTrail audit, IdleSessions idle) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(Page(ClinicSettingsForm.From(await db.ClinicSettings.AsNoTracking().SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct))));

    /// <summary>Any of the three numbers may fail to bind; each says so in its own words (see the form's BindingMessage).</summary>
    [HttpPost("")]
    public Task<IActionResult> Update(ClinicSettingsForm form, CancellationToken ct) =>
        SubmitAsync(() => View(nameof(Index), Page(form)), async () =>
        {
            var settings = await db.ClinicSettings.SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct);
            ClinicSettingsRules.Apply(settings, form.ToChange());
            audit.Add(AuditActions.Update, AuditRecords.ClinicSettings, ClinicSettings.SingletonId, null);
            await db.SaveChangesAsync(ct);
            idle.Forget();
            Flash("Clinic settings saved. New reminder times apply to sessions booked or moved from now on.");
            return RedirectToAction(nameof(Index));
        });

    private static ClinicSettingsForm Page(ClinicSettingsForm form)
    {
        var zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order(StringComparer.Ordinal).ToList();
        if (form.TimeZoneId is { Length: > 0 } current && !zones.Contains(current)) zones.Insert(0, current);
        form.TimeZones = zones;
        return form;
    }
}
