using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Clinics;

/// <summary>"Today" and "now" as the clinic sees them (its configured time zone), loaded once per request.</summary>
public sealed class ClinicCalendar(ClinicDbContext db, TimeProvider clock)
{
    private ClinicSettings? _settings;
    private TimeZoneInfo? _zone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(ct)).DateTime);

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null) return _zone;
        var id = (await LoadAsync(ct))?.TimeZoneId;
        return _zone = id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The clinic's settings, read once per request together with the time zone (defaults before set-up).</summary>
    public async Task<ClinicSettings> SettingsAsync(CancellationToken ct = default) => await LoadAsync(ct) ?? new ClinicSettings();

    private async Task<ClinicSettings?> LoadAsync(CancellationToken ct) =>
        _settings ??= await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ClinicSettings.SingletonId, ct);
}
