using ClinicPortal.Core.Measures;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using GoalScore = ClinicPortal.Core.TreatmentPlans.MeasureScore;

namespace ClinicPortal.Infrastructure.Measures;

/// <summary>
/// A treatment plan's measure goals read the client's questionnaires here, under the caller's data filters: which
/// instruments were given (sent or given in session, answered or not), and the totals sent by a moment.
/// </summary>
public sealed class MeasureGoalScores(ClinicDbContext db, MeasureScoresQuery scores) : IMeasureScores
{
    public async Task<IReadOnlySet<string>> GivenAsync(Guid clientId, CancellationToken ct) =>
        (await db.Set<MeasureResponse>().Where(r => r.ClientId == clientId).Select(r => r.InstrumentCode).Distinct().ToListAsync(ct)).ToHashSet();

    public async Task<IReadOnlyList<GoalScore>> TotalsAsync(Guid clientId, DateTimeOffset until, CancellationToken ct) =>
        (await scores.ScoresAsync(clientId, until: until, ct: ct)).Select(s => new GoalScore(s.InstrumentCode, s.CompletedAt, s.Total)).ToList();
}
