using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Alerts;

public sealed record AlertRow(
    Guid Id, Guid ClientId, string FullName, string? PreferredName, AlertKind Kind, ConcernSeverity Severity, Guid? ConcernId,
    ConcernType? ConcernType, string? OtherType, DateOnly? ReviewDate, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy)
{
    public string ClientName => Client.DisplayNameOf(FullName, PreferredName);
}

public sealed record AlertsPage(IReadOnlyList<AlertRow> Open, IReadOnlyList<AlertRow> Recent, TimeZoneInfo Zone);

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
            .Select(a => new AlertRow(a.Id, a.ClientId,
                Db.Clients.Where(c => c.Id == a.ClientId).Select(c => c.FullName).First(),
                Db.Clients.Where(c => c.Id == a.ClientId).Select(c => c.PreferredName).First(),
                a.Kind, a.Severity, a.ConcernId,
                Db.Set<SafetyConcern>().Where(c => c.Id == a.ConcernId).Select(c => (ConcernType?)c.Type).FirstOrDefault(),
                Db.Set<SafetyConcern>().Where(c => c.Id == a.ConcernId).Select(c => c.OtherType).FirstOrDefault(),
                a.ReviewDate, a.RaisedAt, a.AcknowledgedAt,
                Db.Users.Where(u => u.Id == a.AcknowledgedById).Select(u => u.DisplayName).FirstOrDefault()))
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
        try
        {
            alert.Acknowledge(Me, calendar.UtcNow);
            audit.Add(AuditActions.Acknowledge, AuditRecords.ClinicianAlert, alertId, alert.ClientId);
            await Db.SaveChangesAsync(ct);
            Flash("Alert acknowledged.");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/clinician/", StringComparison.Ordinal)
            ? LocalRedirect(returnUrl)
            : RedirectToAction(nameof(Index));
    }
}
