using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Progress;

/// <summary>Every stage model with its stages (built-in and the clinic's own, retired included), cached per instance.</summary>
public sealed class StageModelCache(IServiceScopeFactory scopes, TimeProvider clock) : InstanceCache<IReadOnlyList<StageModel>>(scopes, clock)
{
    public Task<IReadOnlyList<StageModel>> AllAsync(CancellationToken ct = default) => ValueAsync(ct);

    protected override async Task<IReadOnlyList<StageModel>> LoadAsync(ClinicDbContext db, CancellationToken ct) =>
        await db.Set<StageModel>().AsNoTracking().TagWith(InstanceCacheTag.Value).Include(m => m.Stages).ToListAsync(ct);
}
