using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Incidents;

/// <summary>
/// A client's incident log as both sides' pages read it, under the caller's data filters (a clinician never gets a private
/// entry, whatever the page asks). Every query names the client by the parameter. On the client's pages, a support-network
/// person is named only when the clinician shared them with the client.
/// </summary>
public sealed class IncidentQuery(ClinicDbContext db)
{
    /// <summary>One page of entries, newest first by when they happened (one statement; one row more tells of a next page).</summary>
    public async Task<(List<IncidentRow> Rows, bool HasMore)> PageAsync(Guid clientId, int page, bool forClient, CancellationToken ct)
    {
        var rows = await db.Set<IncidentEntry>().AsNoTracking().Where(e => e.ClientId == clientId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.WrittenAt)
            .Skip(Math.Max(0, page) * IncidentListPage.Size).Take(IncidentListPage.Size + 1)
            .Select(e => new IncidentRow(e.Id, e.OccurredAt, e.Channel, e.Account,
                db.Set<Boundary>().Where(b => b.Id == e.BoundaryId && b.ClientId == clientId).Select(b => b.PersonName).FirstOrDefault()
                    ?? db.Set<SupportPerson>().Where(p => p.Id == e.SupportPersonId && p.ClientId == clientId && (!forClient || p.SharedWithClient))
                        .Select(p => p.Name).FirstOrDefault(),
                e.IsPrivate, e.WrittenBy,
                db.Set<IncidentAddendum>().Count(a => a.IncidentId == e.Id && a.ClientId == clientId)) { BoundaryId = e.BoundaryId })
            .ToListAsync(ct);
        return (rows.Take(IncidentListPage.Size).ToList(), rows.Count > IncidentListPage.Size);
    }

    /// <summary>
    /// An entry with its person, its author and its addenda (two statements), each checked against its stored hash by the
    /// one rule (<see cref="IncidentHash"/>) on the rows just read; null when the filters or the ids do not find it.
    /// </summary>
    public async Task<IncidentView?> DetailAsync(Guid clientId, Guid incidentId, bool forClient, CancellationToken ct)
    {
        var found = await db.Set<IncidentEntry>().AsNoTracking().Where(e => e.Id == incidentId && e.ClientId == clientId)
            .Select(e => new
            {
                Entry = e,
                Person = db.Set<Boundary>().Where(b => b.Id == e.BoundaryId && b.ClientId == clientId).Select(b => b.PersonName).FirstOrDefault()
                    ?? db.Set<SupportPerson>().Where(p => p.Id == e.SupportPersonId && p.ClientId == clientId && (!forClient || p.SharedWithClient))
                        .Select(p => p.Name).FirstOrDefault(),
                Author = db.Users.Where(u => u.Id == e.WrittenByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                // For the breach mark, in the same statement (the filters give a client none).
                Orders = db.Set<ProtectiveOrder>().Where(o => o.ClientId == clientId && o.BoundaryId == e.BoundaryId).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var addenda = await db.Set<IncidentAddendum>().AsNoTracking().Where(a => a.IncidentId == incidentId && a.ClientId == clientId)
            .OrderBy(a => a.WrittenAt)
            .Select(a => new { Addendum = a, Author = db.Users.Where(u => u.Id == a.WrittenByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return new IncidentView(found.Entry, found.Person, found.Author, found.Entry.IsIntact,
            addenda.Select(a => new AddendumView(a.Addendum.Id, a.Addendum.Text, a.Addendum.WrittenBy, a.Author, a.Addendum.WrittenAt,
                a.Addendum.ContentHash, a.Addendum.IsIntact)).ToList()) { Orders = found.Orders };
    }

    /// <summary>The people an entry may name: the client's boundary people, then their support network (for the client, only those shared with them).</summary>
    public async Task<List<IncidentPersonChoice>> PeopleAsync(Guid clientId, bool forClient, CancellationToken ct)
    {
        var plan = db.Set<Boundary>().Where(b => b.ClientId == clientId)
            .Select(b => new { Kind = 0, b.Id, Name = b.PersonName, b.CreatedAt });
        var network = db.Set<SupportPerson>().Where(p => p.ClientId == clientId && (!forClient || p.SharedWithClient))
            .Select(p => new { Kind = 1, p.Id, p.Name, p.CreatedAt });
        var rows = await plan.Concat(network).AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        return rows.Select(r => new IncidentPersonChoice((r.Kind == 0 ? IncidentForm.BoundaryPrefix : IncidentForm.SupportPrefix) + r.Id, r.Name, r.Kind == 0))
            .ToList();
    }
}
