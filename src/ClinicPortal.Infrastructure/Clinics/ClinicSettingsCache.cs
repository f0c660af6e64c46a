using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Clinics;

/// <summary>The clinic's settings row (null before the clinic is set up), cached per instance.</summary>
public sealed class ClinicSettingsCache(IServiceScopeFactory scopes, TimeProvider clock) : InstanceCache<ClinicSettings?>(scopes, clock)
{
    public Task<ClinicSettings?> GetAsync(CancellationToken ct = default) => ValueAsync(ct);

    protected override Task<ClinicSettings?> LoadAsync(ClinicDbContext db, CancellationToken ct) =>
        db.ClinicSettings.AsNoTracking().TagWith(InstanceCacheTag.Value).FirstOrDefaultAsync(s => s.Id == ClinicSettings.SingletonId, ct);
}
