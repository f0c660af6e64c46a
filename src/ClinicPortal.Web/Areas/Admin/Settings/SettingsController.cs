using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    public int? IdleTimeoutMinutes { get; set; }
    public int? CheckInUrgeThreshold { get; set; }
    public int? NoCheckInDays { get; set; }
    public string? MessageSenderName { get; set; }
    public string? ReminderSubject { get; set; }
    public string? PromptSubject { get; set; }
    public string? AccountSubject { get; set; }
    /// <summary>An unticked box posts nothing: false.</summary>
    public bool MessagesNameClinic { get; set; }
    public string? QuickExitUrl { get; set; }

    public static ClinicSettingsForm From(ClinicSettings s) => new()
    {
        Name = s.Name, TimeZoneId = s.TimeZoneId, ReminderLeadTimes = ClinicSettingsRules.FormatLeadTimes(s.ReminderLeadMinutes),
        IdleTimeoutMinutes = s.IdleTimeoutMinutes,
        CheckInUrgeThreshold = s.CheckInUrgeThreshold,
        NoCheckInDays = s.NoCheckInDays,
        MessageSenderName = s.MessageSenderName, ReminderSubject = s.ReminderSubject, PromptSubject = s.PromptSubject, AccountSubject = s.AccountSubject,
        MessagesNameClinic = s.MessagesNameClinic, QuickExitUrl = s.QuickExitUrl,
    };

    public ClinicSettingsChange ToChange() => new(Name, TimeZoneId, ReminderLeadTimes, IdleTimeoutMinutes, CheckInUrgeThreshold, NoCheckInDays,
        MessageSenderName, ReminderSubject, PromptSubject, AccountSubject, MessagesNameClinic, QuickExitUrl);
}

public sealed record ClinicSettingsPage(ClinicSettingsForm Form, IReadOnlyList<string> TimeZones);

/// <summary>The clinic's settings (one row): name, time zone, reminder times, idle sign-out. Every change is audited.</summary>
[Area("Admin")]
[Authorize(Roles = Roles.Admin)]
[Route("admin/settings")]
public sealed class SettingsController(ClinicDbContext db, AuditTrail audit, ClinicSettingsCache cached) : Controller
{
    private const string View_ = "~/Areas/Admin/Settings/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(View_, Page(ClinicSettingsForm.From(await db.ClinicSettings.AsNoTracking().SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct))));

    [HttpPost("")]
    public async Task<IActionResult> Update(ClinicSettingsForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Only the number can fail to bind; say so plainly instead of the binder's wording.
            ModelState.Clear();
            ModelState.AddModelError("", "Idle sign-out must be a whole number of minutes.");
            return View(View_, Page(form));
        }
        var settings = await db.ClinicSettings.SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        try
        {
            ClinicSettingsRules.Apply(settings, form.ToChange());
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(View_, Page(form));
        }
        audit.Add(AuditActions.Update, AuditRecords.ClinicSettings, ClinicSettings.SingletonId, null);
        await db.SaveChangesAsync(ct);
        cached.Forget();
        TempData["Flash"] = "Clinic settings saved. New reminder times apply to sessions booked or moved from now on.";
        return RedirectToAction(nameof(Index));
    }

    private static ClinicSettingsPage Page(ClinicSettingsForm form)
    {
        var zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order(StringComparer.Ordinal).ToList();
        if (form.TimeZoneId is { Length: > 0 } current && !zones.Contains(current)) zones.Insert(0, current);
        return new ClinicSettingsPage(form, zones);
    }
}
