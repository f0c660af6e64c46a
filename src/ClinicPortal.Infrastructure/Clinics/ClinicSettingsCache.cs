using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Clinics;

/// <summary>
/// The clinic's settings row, read at most every 30 seconds per app instance instead of once per page:
/// a change made on this instance applies at once (<see cref="Forget"/>), on other instances within 30 seconds.
/// The instance it returns is shared: read it, never change it.
/// </summary>
public sealed class ClinicSettingsCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private volatile Entry? _entry;

    private sealed record Entry(ClinicSettings? Settings, DateTimeOffset Until);

    /// <summary>The settings, or null before the clinic has been set up.</summary>
    public async Task<ClinicSettings?> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } e && e.Until > now) return e.Settings;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var settings = await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        _entry = new Entry(settings, now + KeepFor);
        return settings;
    }

    /// <summary>Drops the cached row (after the settings were changed on this instance).</summary>
    public void Forget() => _entry = null;
}
