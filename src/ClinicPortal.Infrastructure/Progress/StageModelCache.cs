using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Progress;

/// <summary>
/// Every stage model with its stages (built-in and the clinic's own, retired included), read at most every
/// 30 seconds per app instance: they change only when an administrator edits them, and a change made on this
/// instance applies at once (<see cref="Forget"/>). The models it returns are shared: read them, never change them.
/// </summary>
public sealed class StageModelCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private volatile Entry? _entry;

    private sealed record Entry(IReadOnlyList<StageModel> Models, DateTimeOffset Until);

    public async Task<IReadOnlyList<StageModel>> AllAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } e && e.Until > now) return e.Models;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var models = await db.Set<StageModel>().AsNoTracking().Include(m => m.Stages).ToListAsync(ct);
        _entry = new Entry(models, now + KeepFor);
        return models;
    }

    public void Forget() => _entry = null;
}
