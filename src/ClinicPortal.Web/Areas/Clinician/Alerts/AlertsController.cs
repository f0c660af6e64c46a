using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Alerts;

/// <summary>
/// The clinician's alerts across their clients. The data layer only returns alerts of their own
/// clients, so any other alert id is simply not found.
/// </summary>
[Route("clinician/alerts")]
public sealed class AlertsController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClinicianController(db)
{
    public const int RecentDays = 30, RecentMax = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var since = calendar.UtcNow.AddDays(-RecentDays);
        var rows = await Db.Set<ClinicianAlert>()
            .Where(a => a.AcknowledgedAt == null || a.AcknowledgedAt > since)
            .OrderBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt)
            .Take(500)
            .Join(Db.Clients, a => a.ClientId, c => c.Id, (a, c) => new { a, c.FullName, c.PreferredName })
            .Select(x => new AlertRow(x.a.Id, x.a.ClientId, x.FullName, x.PreferredName, x.a.Kind, x.a.Severity, x.a.ConcernId,
                Db.Set<SafetyConcern>().Where(c => c.Id == x.a.ConcernId).Select(c => (ConcernType?)c.Type).FirstOrDefault(),
                Db.Set<SafetyConcern>().Where(c => c.Id == x.a.ConcernId).Select(c => c.OtherType).FirstOrDefault(),
                x.a.ReviewDate, x.a.RaisedAt, x.a.AcknowledgedAt,
                Db.Users.Where(u => u.Id == x.a.AcknowledgedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.ClinicianAlert, null, null, ct);
        return View(new AlertsPage(rows.Where(r => r.AcknowledgedAt is null).ToList(),
            rows.Where(r => r.AcknowledgedAt is not null).Take(RecentMax).ToList(), await calendar.ZoneAsync(ct)));
    }

    [HttpPost("{alertId:guid}/acknowledge")]
    public async Task<IActionResult> Acknowledge(Guid alertId, [FromForm] string? returnUrl, CancellationToken ct)
    {
        var alert = await Db.Set<ClinicianAlert>().SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return NotFound();
        // Back to the clinician page the button was on (a concern's page), else to the alert list.
        var back = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/clinician/", StringComparison.Ordinal)
            ? LocalRedirect(returnUrl)
            : (IActionResult)RedirectToAction(nameof(Index));
        return await ActAsync(back, async () =>
        {
            alert.Acknowledge(Me, calendar.UtcNow);
            audit.Add(AuditActions.Acknowledge, AuditRecords.ClinicianAlert, alertId, alert.ClientId);
            await Db.SaveChangesAsync(ct);
            return "Alert acknowledged.";
        });
    }
}
