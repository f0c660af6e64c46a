using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Reconnecting;

/// <summary>Trial-contact plans and readiness reflections of one boundary, read through the data filters.</summary>
public sealed class ReconnectingQuery(ClinicDbContext db)
{
    public const int ReflectionsShown = 10;

    /// <summary>The boundary's plan in force (tracked, so a change to it is saved with the boundary), or null.</summary>
    public Task<TrialContactPlan?> PlanInForceAsync(Guid clientId, Guid boundaryId, CancellationToken ct) =>
        db.Set<TrialContactPlan>().SingleOrDefaultAsync(p => p.ClientId == clientId && p.BoundaryId == boundaryId && p.EndedAt == null, ct);

    /// <summary>One statement: every plan of the boundary with its standby person and debrief, and the latest reflections.</summary>
    public async Task<ReconnectingView> ForBoundaryAsync(Guid clientId, Guid boundaryId, CancellationToken ct)
    {
        var found = await db.Clients.Where(c => c.Id == clientId).Select(c => new
            {
                Plans = db.Set<TrialContactPlan>().Where(p => p.ClientId == clientId && p.BoundaryId == boundaryId)
                    .OrderByDescending(p => p.CreatedAt)
                    .Select(p => new
                    {
                        Plan = p,
                        Standby = db.Set<SupportPerson>().Where(s => s.Id == p.StandbyPersonId && s.ClientId == clientId)
                            .Select(s => new { s.Name, s.Role }).FirstOrDefault(),
                        Debrief = db.Set<TrialDebrief>().Where(d => d.PlanId == p.Id && d.ClientId == clientId).FirstOrDefault(),
                    }).ToList(),
                Reflections = db.Set<ReadinessReflection>().Where(r => r.ClientId == clientId && r.BoundaryId == boundaryId)
                    .OrderByDescending(r => r.CreatedAt).Take(ReflectionsShown)
                    .Select(r => new
                    {
                        Reflection = r,
                        Reviewer = db.Users.Where(u => u.Id == r.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(),
                    }).ToList(),
            })
            .AsNoTracking().AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (found is null) return new([], []);
        return new(
            found.Plans.Select(x => new TrialPlanRow(x.Plan.Id, x.Plan.Channel, x.Plan.Frequency, x.Plan.FirstMeetingPlace, x.Plan.FirstMeetingMinutes,
                x.Standby?.Name ?? "—", x.Standby?.Role ?? SupportRole.Unknown, x.Plan.ExitCriteria, x.Plan.CreatedAt, x.Plan.EndedAt,
                x.Plan.MetCriterion, x.Plan.OtherReason,
                x.Debrief is { } d ? new DebriefView(d.CreatedAt, d.Skipped, d.Answers) : null)).ToList(),
            found.Reflections.Select(x => new ReflectionRow(x.Reflection.Id, x.Reflection.CreatedAt, x.Reflection.Answers,
                x.Reflection.ReviewedAt, x.Reviewer)).ToList());
    }

    /// <summary>The client's support network as standby choices, supportive people first.</summary>
    public Task<List<StandbyChoice>> StandbyChoicesAsync(Guid clientId, CancellationToken ct) =>
        db.Set<SupportPerson>().Where(p => p.ClientId == clientId)
            .OrderBy(p => p.Role).ThenBy(p => p.Name)
            .Select(p => new StandbyChoice(p.Id, p.Name, p.Role)).ToListAsync(ct);
}
