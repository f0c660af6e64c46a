using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.SharedPlan;

/// <summary>The reasons and conditions of one boundary that the clinician shared, in the client's order.</summary>
public sealed record SharedBoundary(string PersonName, IReadOnlyList<string> Reasons, IReadOnlyList<SharedCondition> Conditions);

/// <summary>A shared condition for reconsidering contact and how far it is met.</summary>
public sealed record SharedCondition(string Text, ConditionStatus Status, DateOnly? Since, string? Evidence);

/// <summary>A supportive contact shared with the client. Deliberately holds no role, risk label or clinician notes.</summary>
public sealed record SharedContact(string Name, string? Relationship, SupportType Type, bool IsCrisisContact, string? Phone, string? Email);

/// <summary>What the client may re-read of their own plan: only what the clinician chose to share.</summary>
/// <param name="DebriefDue">A trial contact ended and its few optional questions have not been answered or skipped.</param>
/// <param name="CanReflect">A boundary has the door open, so a readiness reflection can be written about it.</param>
public sealed record SharedPlan(IReadOnlyList<SharedBoundary> Boundaries, IReadOnlyList<SharedContact> Contacts, bool DebriefDue = false,
    bool CanReflect = false)
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
    private bool? _hasSafetyPlan;

    /// <summary>Whether the signed-in client's safety plan is shared with them: read once per request, as both the page and the crisis strip ask.</summary>
    public async Task<bool> HasSafetyPlanAsync(CancellationToken ct = default) =>
        _hasSafetyPlan ??= await db.Set<SafetyPlan>().AnyAsync(p => p.SharedWithClient, ct);

    /// <summary>One statement: the client linked to this sign-in, with their boundaries, visible contacts and what the way back offers.</summary>
    public async Task<SharedPlan> ForUserAsync(Guid clientUserId, CancellationToken ct = default)
    {
        var found = await db.Clients.Where(c => c.UserId == clientUserId).Select(c => new
            {
                Boundaries = db.Set<Boundary>().Where(b => b.ClientId == c.Id).OrderBy(b => b.CreatedAt)
                    .Select(b => new { b.PersonName, b.Reasons, b.Conditions, b.DoorOpen }).ToList(),
                Contacts = db.Set<SupportPerson>().Where(p => p.ClientId == c.Id).Where(SupportPerson.VisibleToClient)
                    .OrderByDescending(p => p.IsCrisisContact).ThenBy(p => p.Name)
                    .Select(p => new SharedContact(p.Name, p.Relationship, p.Type, p.IsCrisisContact, p.Phone, p.Email)).ToList(),
                DebriefDue = db.Set<TrialContactPlan>()
                    .Any(p => p.ClientId == c.Id && p.EndedAt != null && !db.Set<TrialDebrief>().Any(d => d.PlanId == p.Id)),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (found is null) return SharedPlan.Empty;

        var shared = found.Boundaries
            .Select(b => new SharedBoundary(b.PersonName,
                b.Reasons.Where(r => r.SharedWithClient).Select(r => r.Text).ToList(),
                b.Conditions.Where(c => c.SharedWithClient).Select(c => new SharedCondition(c.Text, c.Status, c.StatusDate, c.Evidence)).ToList()))
            .Where(b => b.Reasons.Count > 0 || b.Conditions.Count > 0)
            .ToList();
        return new SharedPlan(shared, found.Contacts, found.DebriefDue, found.Boundaries.Any(b => b.DoorOpen));
    }
}
