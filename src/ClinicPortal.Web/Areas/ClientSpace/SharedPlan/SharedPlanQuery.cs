using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.SharedPlan;

/// <summary>The reasons and conditions of one boundary that the clinician shared, in the client's order.</summary>
public sealed record SharedBoundary(string PersonName, IReadOnlyList<string> Reasons, IReadOnlyList<string> Conditions);

/// <summary>A supportive contact shared with the client. Deliberately holds no role, risk label or clinician notes.</summary>
public sealed record SharedContact(string Name, string? Relationship, SupportType Type, bool IsCrisisContact, string? Phone, string? Email);

/// <summary>What the client may re-read of their own plan: only what the clinician chose to share.</summary>
public sealed record SharedPlan(IReadOnlyList<SharedBoundary> Boundaries, IReadOnlyList<SharedContact> Contacts)
{
    public static readonly SharedPlan Empty = new([], []);
    public bool IsEmpty => Boundaries.Count == 0 && Contacts.Count == 0;
}

/// <summary>
/// The client-visible subset of the boundary plan and support network, for the signed-in client's own view.
/// The database context already limits a client to their own rows; this narrows further to shared items
/// and shared supportive contacts (<see cref="SupportPerson.VisibleToClient"/>), so risk contacts never appear.
/// </summary>
public sealed class SharedPlanQuery(ClinicDbContext db)
{
    public async Task<SharedPlan> ForUserAsync(Guid clientUserId, CancellationToken ct = default)
    {
        var clientId = await db.Clients.Where(c => c.UserId == clientUserId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (clientId is not { } id) return SharedPlan.Empty;

        var boundaries = await db.Set<Boundary>().Where(b => b.ClientId == id)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new { b.PersonName, b.Reasons, b.Conditions })
            .ToListAsync(ct);
        var shared = boundaries
            .Select(b => new SharedBoundary(b.PersonName,
                b.Reasons.Where(r => r.SharedWithClient).Select(r => r.Text).ToList(),
                b.Conditions.Where(c => c.SharedWithClient).Select(c => c.Text).ToList()))
            .Where(b => b.Reasons.Count > 0 || b.Conditions.Count > 0)
            .ToList();

        var contacts = await db.Set<SupportPerson>().Where(p => p.ClientId == id)
            .Where(SupportPerson.VisibleToClient)
            .OrderByDescending(p => p.IsCrisisContact).ThenBy(p => p.Name)
            .Select(p => new SharedContact(p.Name, p.Relationship, p.Type, p.IsCrisisContact, p.Phone, p.Email))
            .ToListAsync(ct);

        return new SharedPlan(shared, contacts);
    }
}
