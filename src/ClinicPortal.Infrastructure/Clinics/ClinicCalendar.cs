using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Clinics;

/// <summary>"Today" and "now" as the clinic sees them (its configured time zone), and the clinic's settings.</summary>
public sealed class ClinicCalendar(ClinicSettingsCache settings, TimeProvider clock)
{
    private TimeZoneInfo? _zone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(ct)).DateTime);

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null) return _zone;
        var id = (await settings.GetAsync(ct))?.TimeZoneId;
        return _zone = id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The clinic's settings (see <see cref="ClinicSettingsCache"/>; the defaults before set-up). Read only.</summary>
    public async Task<ClinicSettings> SettingsAsync(CancellationToken ct = default) => await settings.GetAsync(ct) ?? new ClinicSettings();
}
