using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.ProtectiveOrders;

/// <summary>
/// The client's side of an order's expiry reminder, on their home: the soonest expiry among their own orders that the clinician
/// is reminded of (<see cref="ProtectiveOrder.ReminderDue"/>), as a bare date. Orders are staff records that the data filters
/// keep from the client, so this one small statement reads past them, for the signed-in client's own id only, and returns
/// nothing else of the order (no court, person, number or terms).
/// </summary>
public sealed class ClientDateComing(ClinicDbContext db)
{
    /// <param name="ownClientId">The signed-in client's own record, as the client's filtered query found it; never an id from the browser.</param>
    public Task<DateOnly?> SoonestAsync(Guid ownClientId, DateOnly today, CancellationToken ct) =>
        db.Set<ProtectiveOrder>().IgnoreQueryFilters().Where(o => o.ClientId == ownClientId).Where(ProtectiveOrder.ReminderDue.For(today))
            .MinAsync(o => o.ExpiresOn, ct);
}
