using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.TreatmentPlans;

/// <summary>
/// What one client's goals are judged on at a moment, reading only what the goals need: the questionnaire totals for a
/// measure goal, the named boundaries' channels, and for a check-in goal the check-ins since the earliest goal's window
/// opened plus the one just before it (enough for <see cref="GoalProgress.Sustained"/> to find where the run began).
/// The named boundaries' people come with their channels, for the page to name them.
/// </summary>
public sealed class GoalEvidenceQuery(ClinicDbContext db, IMeasureScores measures)
{
    public async Task<(GoalEvidence Evidence, IReadOnlyDictionary<Guid, string> BoundaryNames)> ForAsync(Guid clientId, IReadOnlyList<PlanGoal> goals,
        DateTimeOffset asOf, CancellationToken ct)
    {
        var criteria = goals.Select(g => g.Criterion).ToList();
        var scores = criteria.Any(c => c.Kind == CriterionKind.Measure) ? await measures.TotalsAsync(clientId, asOf, ct) : [];
        var boundaryIds = criteria.Where(c => c.Kind == CriterionKind.Boundary && c.BoundaryId is not null).Select(c => c.BoundaryId!.Value).ToList();
        var boundaries = boundaryIds.Count == 0 ? []
            : await db.Set<Boundary>().Where(b => b.ClientId == clientId && boundaryIds.Contains(b.Id)).Select(b => new { b.Id, b.PersonName, b.Channels }).ToListAsync(ct);
        var weeks = criteria.Where(c => c.Kind == CriterionKind.CheckInSignal).Select(c => c.Weeks ?? 0).DefaultIfEmpty(-1).Max();
        IReadOnlyList<(DateTimeOffset, int, int)> checkIns = [];
        if (weeks >= 0)
        {
            var from = asOf.AddDays(-7 * weeks);
            var mine = db.Set<CheckIn>().Where(k => k.ClientId == clientId && k.CreatedAt <= asOf);
            checkIns = (await mine.Where(k => k.CreatedAt >= from)
                    .Concat(mine.Where(k => k.CreatedAt < from).OrderByDescending(k => k.CreatedAt).Take(1))
                    .Select(k => new { k.CreatedAt, k.Mood, k.Urge }).ToListAsync(ct))
                .Select(k => (k.CreatedAt, k.Mood, k.Urge)).ToList();
        }
        return (new GoalEvidence(scores, boundaries.ToDictionary(b => b.Id, b => b.Channels), checkIns), boundaries.ToDictionary(b => b.Id, b => b.PersonName));
    }
}
