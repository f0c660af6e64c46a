using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.BoundaryPlans;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Reconnecting;

/// <summary>Trial-contact plans and readiness reflections of one boundary, read through the data filters.</summary>
public sealed class ReconnectingQuery(ClinicDbContext db)
{
    public const int ReflectionsShown = 10;

    /// <summary>The boundary's plan in force (tracked, so a change to it is saved with the boundary), or null.</summary>
    public Task<TrialContactPlan?> PlanInForceAsync(Guid clientId, Guid boundaryId, CancellationToken ct) =>
        db.Set<TrialContactPlan>().SingleOrDefaultAsync(p => p.ClientId == clientId && p.BoundaryId == boundaryId && p.EndedAt == null, ct);

    /// <summary>
    /// One statement: the boundary (tracked) with the people linked to it, every plan of it (its standby person and debrief) and
    /// the latest reflections, so the boundary's page reads them without statements of their own. Null when the boundary is not
    /// this client's.
    /// </summary>
    public async Task<(Boundary Boundary, IReadOnlyList<LinkedPerson> People, ReconnectingView View)?> WithBoundaryAsync(Guid clientId,
        Guid boundaryId, CancellationToken ct)
    {
        var found = await db.Set<Boundary>().Where(b => b.Id == boundaryId && b.ClientId == clientId).Select(b => new
            {
                Boundary = b,
                People = db.Set<SupportPerson>().Where(p => p.ClientId == clientId && p.BoundaryId == boundaryId).OrderBy(p => p.Name)
                    .Select(p => new LinkedPerson(p.Id, p.Name, p.Role, p.IsCrisisContact)).ToList(),
                Plans = db.Set<TrialContactPlan>().Where(p => p.ClientId == clientId && p.BoundaryId == boundaryId)
                    .OrderByDescending(p => p.CreatedAt)
                    .Select(p => new
                    {
                        p.Id, p.Channel, p.Frequency, p.FirstMeetingPlace, p.FirstMeetingMinutes, p.ExitCriteria, p.CreatedAt, p.EndedAt,
                        p.MetCriterion, p.OtherReason,
                        Standby = db.Set<SupportPerson>().Where(s => s.Id == p.StandbyPersonId && s.ClientId == clientId)
                            .Select(s => new { s.Name, s.Role }).FirstOrDefault(),
                        Debrief = db.Set<TrialDebrief>().Where(d => d.PlanId == p.Id && d.ClientId == clientId)
                            .Select(d => new DebriefView(d.CreatedAt, d.Skipped, d.Answers)).FirstOrDefault(),
                    }).ToList(),
                Reflections = db.Set<ReadinessReflection>().Where(r => r.ClientId == clientId && r.BoundaryId == boundaryId)
                    .OrderByDescending(r => r.CreatedAt).Take(ReflectionsShown)
                    .Select(r => new ReflectionRow(r.Id, r.CreatedAt, r.Answers, r.ReviewedAt,
                        db.Users.Where(u => u.Id == r.ReviewedById).Select(u => u.DisplayName).FirstOrDefault())).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var plans = found.Plans.Select(p => new TrialPlanRow(p.Id, p.Channel, p.Frequency, p.FirstMeetingPlace, p.FirstMeetingMinutes,
            p.Standby?.Name ?? "—", p.Standby?.Role ?? SupportRole.Unknown, p.ExitCriteria, p.CreatedAt, p.EndedAt, p.MetCriterion, p.OtherReason,
            p.Debrief)).ToList();
        return (found.Boundary, found.People, new ReconnectingView(plans, found.Reflections));
    }

    /// <summary>The client's support network as standby choices, supportive people first; a risk contact is never offered.</summary>
    public Task<List<StandbyChoice>> StandbyChoicesAsync(Guid clientId, CancellationToken ct) =>
        db.Set<SupportPerson>().Where(p => p.ClientId == clientId && p.Role != SupportRole.Risk)
            .OrderBy(p => p.Role).ThenBy(p => p.Name)
            .Select(p => new StandbyChoice(p.Id, p.Name, p.Role)).ToListAsync(ct);
}
