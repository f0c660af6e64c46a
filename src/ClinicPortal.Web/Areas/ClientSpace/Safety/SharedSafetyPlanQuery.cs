using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Safety;

public sealed record SharedPlanStep(SafetyPlanStep Step, string Heading, string Text);

public sealed record SharedSafetyPlan(Guid Id, Guid ClientId, IReadOnlyList<SharedPlanStep> Steps, DateTimeOffset UpdatedAt);

/// <summary>
/// The signed-in client's own safety plan, only once their clinician has shared it. The data layer limits
/// a client to their own record; this query narrows it to what was shared. Check-ins ("I feel unsafe") reuse it.
/// </summary>
public sealed class SharedSafetyPlanQuery(ClinicDbContext db)
{
    public async Task<SharedSafetyPlan?> RunAsync(CancellationToken ct)
    {
        var plan = await db.Set<SafetyPlan>().AsNoTracking().Where(p => p.SharedWithClient).SingleOrDefaultAsync(ct);
        if (plan is null) return null;
        var steps = SafetyPlan.Steps.Where(t => plan.Get(t.Step) is not null)
            .Select(t => new SharedPlanStep(t.Step, t.ClientHeading, plan.Get(t.Step)!)).ToList();
        return new SharedSafetyPlan(plan.Id, plan.ClientId, steps, plan.UpdatedAt);
    }
}
