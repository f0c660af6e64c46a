using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>
/// Raises one "review overdue" alert per open concern per passed review date. Safe to run any number of
/// times and on several nodes at once: existing alerts are skipped and a unique index stops a racing duplicate.
/// </summary>
public sealed class OverdueReviewAlerts(ClinicDbContext db, ClinicianAlerts alerts, ClinicCalendar calendar, ILogger<OverdueReviewAlerts> logger)
{
    /// <summary>Returns how many alerts were raised.</summary>
    public async Task<int> RaiseDueAsync(CancellationToken ct = default)
    {
        var today = await calendar.TodayAsync(ct);
        var due = await db.Set<SafetyConcern>()
            .Where(ConcernReview.OverdueOn<SafetyConcern>(today))
            .Where(c => db.Clients.Any(cl => cl.Id == c.ClientId && cl.Status != ClientStatus.Discharged))
            .Where(c => !db.Set<ClinicianAlert>().Any(a => a.ConcernId == c.Id && a.Kind == AlertKind.ReviewOverdue && a.ReviewDate == c.NextReviewDate))
            .Select(c => new { c.Id, c.ClientId, c.Severity, c.NextReviewDate })
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        await alerts.AddAllAsync([.. due.Select(c =>
            new NewAlert(c.ClientId, AlertKind.ReviewOverdue, AlertRules.OverdueReviewSeverity(c.Severity), c.Id, c.NextReviewDate))], ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another node raised them first; it will have written the same alerts.
            db.ChangeTracker.Clear();
            logger.LogInformation("Overdue-review alerts were raised concurrently elsewhere; skipped");
            return 0;
        }
        logger.LogInformation("Raised {Count} overdue-review alerts", due.Count);
        return due.Count;
    }
}
