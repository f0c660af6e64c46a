using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Home;

[Route("admin")]
public sealed class HomeController(ClinicDbContext db, TimeProvider clock) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new AdminHomePage(await UnacknowledgedAlertsAsync(ct)));

    /// <summary>
    /// Unacknowledged alerts counted by age, for the administrators to see whether alerts are reaching someone. Counts only:
    /// no client, no kind, nothing clinical, which is why these counts may look past the clinical filters.
    /// </summary>
    private async Task<IReadOnlyList<AlertAgeRow>> UnacknowledgedAlertsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = await Db.Set<ClinicianAlert>().IgnoreQueryFilters().Where(a => a.AcknowledgedAt == null)
            .GroupBy(a => a.RaisedAt > now.AddMinutes(-15) ? 0 : a.RaisedAt > now.AddHours(-1) ? 1 : a.RaisedAt > now.AddDays(-1) ? 2 : 3)
            .Select(g => new { Bucket = g.Key, All = g.Count(), Imminent = g.Count(a => a.Severity == ConcernSeverity.Imminent) })
            .ToListAsync(ct);
        return AlertAgeRow.Buckets.Select((label, i) => counts.FirstOrDefault(c => c.Bucket == i) is { } c
            ? new AlertAgeRow(label, c.All, c.Imminent) : new AlertAgeRow(label, 0, 0)).ToList();
    }
}
