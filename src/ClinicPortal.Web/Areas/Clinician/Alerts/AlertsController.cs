using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reminders;
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
                Db.Users.Where(u => u.Id == x.a.AcknowledgedById).Select(u => u.DisplayName).FirstOrDefault(), x.a.Response, x.a.ResponseNote))
            .ToListAsync(ct);
        var escalated = await EscalatedToMeAsync(ct);
        foreach (var e in escalated) audit.Add(AuditActions.View, AuditRecords.ClinicianAlert, e.AlertId, e.ClientId);
        await audit.RecordAsync(AuditActions.View, AuditRecords.ClinicianAlert, null, null, ct); // saves the list's row and each passed-on alert's together
        return View(new AlertsPage(rows.Where(r => r.AcknowledgedAt is null).ToList(),
            rows.Where(r => r.AcknowledgedAt is not null).Take(RecentMax).ToList(), await calendar.ZoneAsync(ct), escalated));
    }

    /// <summary>
    /// Another clinician's open alerts passed on to this one as their backup: what, when and whose client, never who the
    /// client is or anything they said (that stays with the primary clinician until cover is given). Read past the
    /// filters for exactly the alerts an escalation notice went to this clinician for.
    /// </summary>
    private async Task<List<EscalatedRow>> EscalatedToMeAsync(CancellationToken ct)
    {
        var me = Me;
        var keys = await Db.Set<OutboxMessage>().Where(m => m.RecipientUserId == me && m.Key.StartsWith(OutboxMessage.EscalationKeyPrefix))
            .Select(m => m.Key).ToListAsync(ct);
        var ids = keys.Select(OutboxMessage.AlertIdOfEscalation).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await Db.Set<ClinicianAlert>().IgnoreQueryFilters()
            .Where(a => ids.Contains(a.Id) && a.AcknowledgedAt == null)
            .Join(Db.Clients.IgnoreQueryFilters(), a => a.ClientId, c => c.Id, (a, c) => new { a, c.PrimaryClinicianId })
            .Join(Db.Users, x => x.PrimaryClinicianId, u => u.Id, (x, u) => new EscalatedRow(x.a.Id, x.a.ClientId, x.a.Kind, x.a.RaisedAt, x.a.EscalatedAt, u.DisplayName))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.RaisedAt)];
    }

    /// <summary>
    /// Closes the alert with what was done. An alert about a concern puts the same line in the concern's history.
    /// Refused (nothing saved, the reason shown): no choice, "other" without a note, or an alert already acknowledged.
    /// </summary>
    [HttpPost("{alertId:guid}/acknowledge")]
    public async Task<IActionResult> Acknowledge(Guid alertId, AcknowledgeForm form, CancellationToken ct)
    {
        var alert = await Db.Set<ClinicianAlert>().SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return NotFound();
        // Back to the clinician page the form was on (a concern's page), else to the alert list.
        var back = form.ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith("/clinician/", StringComparison.Ordinal)
            ? LocalRedirect(url)
            : (IActionResult)RedirectToAction(nameof(Index));
        return await ActAsync(back, async () =>
        {
            alert.Acknowledge(Me, calendar.UtcNow, form.Response, form.Note);
            audit.Add(AuditActions.Acknowledge, AuditRecords.ClinicianAlert, alertId, alert.ClientId);
            if (alert.ConcernId is { } concernId
                && await Db.Set<SafetyConcern>().SingleOrDefaultAsync(c => c.Id == concernId && c.ClientId == alert.ClientId, ct) is { } concern)
            {
                concern.RecordAlertResponse(alert);
                audit.Add(AuditActions.Update, AuditRecords.SafetyConcern, concernId, alert.ClientId);
            }
            await Db.SaveChangesAsync(ct);
            return "Alert acknowledged.";
        });
    }
}
