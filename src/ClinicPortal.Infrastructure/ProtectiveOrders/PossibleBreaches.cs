using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.ProtectiveOrders;

/// <summary>What the breach rule needs of an incident: who it names and when it happened.</summary>
public sealed record IncidentMoment(Guid Id, Guid? BoundaryId, DateTimeOffset OccurredAt);

/// <summary>
/// Marks incidents as possible breaches of the client's protective orders with the one rule,
/// <see cref="ProtectiveOrder.MayBeBreachedBy(Guid?, DateTimeOffset, TimeZoneInfo)"/>, on the clinic's calendar. Computed on
/// read, never stored: an order edited later (a corrected expiry) marks the incidents as it now stands. Incident pages (list,
/// detail, a concern's timeline) call <see cref="AmongAsync"/>; the order's pages read <see cref="OfOrdersAsync"/>.
/// </summary>
public sealed class PossibleBreaches(ClinicDbContext db, ClinicCalendar calendar)
{
    /// <summary>The ids among <paramref name="incidents"/> (all of one client) that may breach one of the client's orders; one statement, none without a person named.</summary>
    public async Task<IReadOnlySet<Guid>> AmongAsync(Guid clientId, IReadOnlyCollection<IncidentMoment> incidents, CancellationToken ct)
    {
        var people = incidents.Where(i => i.BoundaryId is not null).Select(i => i.BoundaryId!.Value).Distinct().ToList();
        if (people.Count == 0) return new HashSet<Guid>();
        var orders = await db.Set<ProtectiveOrder>().AsNoTracking().Where(o => o.ClientId == clientId && people.Contains(o.BoundaryId)).ToListAsync(ct);
        var zone = await calendar.ZoneAsync(ct);
        return incidents.Where(i => orders.Any(o => o.MayBeBreachedBy(i.BoundaryId, i.OccurredAt, zone))).Select(i => i.Id).ToHashSet();
    }

    /// <summary>
    /// For each of these orders (all of one client), the client's incidents that may breach it, newest first: one statement over
    /// the incidents naming the orders' people (private entries never reach staff: the data filters leave them out).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<BreachingIncident>>> OfOrdersAsync(Guid clientId, IReadOnlyCollection<ProtectiveOrder> orders, CancellationToken ct)
    {
        var people = orders.Select(o => o.BoundaryId).Distinct().ToList();
        if (people.Count == 0) return new Dictionary<Guid, IReadOnlyList<BreachingIncident>>();
        var incidents = await db.Set<IncidentEntry>().Where(e => e.ClientId == clientId && e.BoundaryId != null && people.Contains(e.BoundaryId.Value))
            .OrderByDescending(e => e.OccurredAt)
            .Select(e => new BreachingIncident(e.Id, e.BoundaryId, e.OccurredAt, e.Channel, e.Account.Substring(0, FirstWordsMax)))
            .ToListAsync(ct);
        var zone = await calendar.ZoneAsync(ct);
        return orders.ToDictionary(o => o.Id,
            o => (IReadOnlyList<BreachingIncident>)incidents.Where(i => o.MayBeBreachedBy(i.BoundaryId, i.OccurredAt, zone)).ToList());
    }

    /// <summary>How much of an account a list shows.</summary>
    public const int FirstWordsMax = 80;
}

/// <summary>An incident as an order's page lists it.</summary>
public sealed record BreachingIncident(Guid Id, Guid? BoundaryId, DateTimeOffset OccurredAt, Core.CheckIns.ContactChannel Channel, string FirstWords);
