using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.TreatmentPlans;

/// <summary>What a progress report's treatment plan section reads: revisions, tasks and ticks saved before the period's end.</summary>
internal static class TreatmentPlanReportLoader
{
    public static async Task<TreatmentPlanInputs> LoadAsync(ClinicDbContext db, Guid clientId, DateTimeOffset endUtc, CancellationToken ct)
    {
        var revisions = await db.Set<TreatmentPlanRevision>().AsNoTracking().Where(r => r.ClientId == clientId && r.CreatedAt < endUtc).ToListAsync(ct);
        var tasks = await db.Set<ClientTask>().AsNoTracking().Where(t => t.ClientId == clientId && t.GivenAt < endUtc).ToListAsync(ct);
        var ticks = await db.Set<ClientTaskTick>().AsNoTracking().Where(t => t.ClientId == clientId && t.At < endUtc).ToListAsync(ct);
        var names = await db.Set<Boundary>().Where(b => b.ClientId == clientId).Select(b => new { b.Id, b.PersonName }).ToDictionaryAsync(b => b.Id, b => b.PersonName, ct);
        return new TreatmentPlanInputs(revisions, tasks, ticks, names);
    }
}
