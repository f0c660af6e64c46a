using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>
/// The clinic's active crisis resources in display order, read at most every 30 seconds per app instance: the strip
/// at the top of every client page and every signed-out page needs no statement of its own. A change made on this
/// instance applies at once (<see cref="Forget"/>), on other instances within 30 seconds. Clinic-level data, about no client.
/// </summary>
public sealed class CrisisResourceCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private volatile Entry? _entry;

    private sealed record Entry(IReadOnlyList<CrisisResource> Resources, DateTimeOffset Until);

    /// <summary>The active resources; shared instances: read them, never change them.</summary>
    public async Task<IReadOnlyList<CrisisResource>> ActiveAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } e && e.Until > now) return e.Resources;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var resources = await ReadActiveAsync(db, ct);
        _entry = new Entry(resources, now + KeepFor);
        return resources;
    }

    /// <summary>The active resources in display order, read now (the "I feel unsafe" page reads them fresh).</summary>
    public static Task<List<CrisisResource>> ReadActiveAsync(ClinicDbContext db, CancellationToken ct) =>
        db.Set<CrisisResource>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct);

    /// <summary>Drops the cached list (after an administrator changed it on this instance).</summary>
    public void Forget() => _entry = null;
}
