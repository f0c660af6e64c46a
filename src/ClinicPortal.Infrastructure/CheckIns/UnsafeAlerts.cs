using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.CheckIns;

/// <summary>
/// Raises the imminent "I feel unsafe" alert for a client's clinician, at most once per
/// <see cref="UnsafeAlertRule.Window"/> while one is open. A per-client transaction lock makes the check and the
/// insert one step, so a double tap (two requests at once) still raises a single alert and a single email.
/// </summary>
public sealed class UnsafeAlerts(ClinicDbContext db, ClinicianAlerts alerts, TimeProvider clock)
{
    /// <summary>The new alert, or null when an open one from the last window already covers this press.</summary>
    /// <param name="raisedBy">The client's user, when the press came from their device without a live session.</param>
    public async Task<ClinicianAlert?> RaiseAsync(Guid clientId, CancellationToken ct = default, Guid? raisedBy = null)
    {
        ClinicianAlert? alert = null;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.LockAsync(LockName.UnsafeAlert(clientId), ct);
            // The caller is the client, who may not read alerts: look past the filters, for this one client only.
            var latestOpen = await db.Set<ClinicianAlert>().IgnoreQueryFilters()
                .Where(a => a.ClientId == clientId && a.Kind == AlertKind.ClientFeelsUnsafe && a.AcknowledgedAt == null)
                .MaxAsync(a => (DateTimeOffset?)a.RaisedAt, ct);
            if (UnsafeAlertRule.ShouldRaise(latestOpen, clock.GetUtcNow()))
            {
                alert = await alerts.AddForCheckInAsync(clientId, AlertKind.ClientFeelsUnsafe, raisedBy, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct); // the clinician is emailed once this commits
        }
        return alert;
    }
}
