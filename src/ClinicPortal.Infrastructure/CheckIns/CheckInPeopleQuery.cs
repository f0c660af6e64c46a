using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.CheckIns;

/// <summary>A client's answers per person, by check-in, each named by its boundary's person: one statement, for both sides' pages.</summary>
public sealed class CheckInPeopleQuery(ClinicDbContext db)
{
    /// <summary>The answers of the check-ins since a time (the clinician's weeks).</summary>
    public Task<Dictionary<Guid, List<PersonAnswerView>>> SinceAsync(Guid clientId, DateTimeOffset since, CancellationToken ct) =>
        ByCheckInAsync(clientId, db.Set<CheckInPerson>()
            .Where(p => db.Set<CheckIn>().Any(c => c.Id == p.CheckInId && c.ClientId == clientId && c.CreatedAt >= since)), ct);

    /// <summary>The answers of these check-ins (the client's list, or one check-in).</summary>
    public Task<Dictionary<Guid, List<PersonAnswerView>>> OfAsync(Guid clientId, IReadOnlyCollection<Guid> checkInIds, CancellationToken ct) =>
        ByCheckInAsync(clientId, db.Set<CheckInPerson>().Where(p => checkInIds.Contains(p.CheckInId)), ct);

    private async Task<Dictionary<Guid, List<PersonAnswerView>>> ByCheckInAsync(Guid clientId, IQueryable<CheckInPerson> answers, CancellationToken ct)
    {
        var rows = await answers.AsNoTracking().Where(p => p.ClientId == clientId)
            .Join(db.Set<Boundary>().Where(b => b.ClientId == clientId), p => p.BoundaryId, b => b.Id,
                (p, b) => new { p.CheckInId, b.CreatedAt, View = new PersonAnswerView(b.PersonName, p.Urge, p.ContactAttempted, p.GotInTouch, p.LookedUp) })
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CheckInId).ToDictionary(g => g.Key, g => g.Select(r => r.View).ToList());
    }
}
