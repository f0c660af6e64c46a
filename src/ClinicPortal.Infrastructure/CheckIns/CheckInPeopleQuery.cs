using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.CheckIns;

/// <summary>A client's answers per person since a time, by check-in, each named by its boundary's person: one statement.</summary>
public sealed class CheckInPeopleQuery(ClinicDbContext db)
{
    public async Task<Dictionary<Guid, List<PersonAnswerView>>> ByCheckInAsync(Guid clientId, DateTimeOffset since, CancellationToken ct)
    {
        var rows = await db.Set<CheckInPerson>().AsNoTracking()
            .Where(p => p.ClientId == clientId && db.Set<CheckIn>().Any(c => c.Id == p.CheckInId && c.ClientId == clientId && c.CreatedAt >= since))
            .Join(db.Set<Boundary>().Where(b => b.ClientId == clientId), p => p.BoundaryId, b => b.Id,
                (p, b) => new { p.CheckInId, b.CreatedAt, View = new PersonAnswerView(b.PersonName, p.Urge, p.ContactAttempted, p.GotInTouch, p.LookedUp) })
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CheckInId).ToDictionary(g => g.Key, g => g.Select(r => r.View).ToList());
    }
}
