using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>Marks the statements an <see cref="InstanceCache{T}"/> reloads with (EF's TagWith), so a per-view statement count can leave out a reload that falls on the view it measures.</summary>
public static class InstanceCacheTag
{
    public const string Value = "instance-cache reload";
}

/// <summary>
/// Reference data read at most every 30 seconds per app instance instead of once per page. A change made on this
/// instance applies at once (<see cref="Forget"/>), on other instances within 30 seconds. What it returns is
/// shared between requests: read it, never change it.
/// </summary>
public abstract class InstanceCache<T>(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private volatile Entry? _entry;

    private sealed record Entry(T Value, DateTimeOffset Until);

    protected async Task<T> ValueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } e && e.Until > now) return e.Value;
        await using var scope = scopes.CreateAsyncScope();
        var value = await LoadAsync(scope.ServiceProvider.GetRequiredService<ClinicDbContext>(), ct);
        _entry = new Entry(value, now + KeepFor);
        return value;
    }

    protected abstract Task<T> LoadAsync(ClinicDbContext db, CancellationToken ct);

    /// <summary>Drops the cached value (after it was changed on this instance).</summary>
    public void Forget() => _entry = null;
}
