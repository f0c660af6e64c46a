using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

/// <summary>A move between contact levels (or a boundary's first level), as an event on the client's timeline.</summary>
public sealed record ContactLevelEvent(Guid BoundaryId, string PersonName, int RevisionNumber, DateTimeOffset At, string ByName, ContactLevelChange Change,
    string? Note = null);

/// <summary>
/// The contact-level events of a client's boundaries, newest first, read from the revisions in one query.
/// The boundary list and a boundary's history both show them.
/// </summary>
public sealed class ContactLevelTimelineQuery(ClinicDbContext db)
{
    public async Task<List<ContactLevelEvent>> ContactLevelChangesAsync(Guid clientId, Guid? boundaryId = null, CancellationToken ct = default)
    {
        var revisions = db.Set<BoundaryRevision>().Where(r => r.ClientId == clientId && r.PreviousContactLevel != r.ContactLevel);
        if (boundaryId is { } id) revisions = revisions.Where(r => r.BoundaryId == id);
        var rows = await revisions
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Number)
            .Select(r => new
            {
                r.BoundaryId, r.Number, r.CreatedAt, r.PreviousContactLevel, r.ContactLevel, r.Note,
                Person = db.Set<Boundary>().Where(b => b.Id == r.BoundaryId).Select(b => b.PersonName).First(),
                By = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ContactLevelEvent(r.BoundaryId, r.Person, r.Number, r.CreatedAt, r.By,
            new ContactLevelChange(r.PreviousContactLevel, r.ContactLevel), r.Note)).ToList();
    }
}
