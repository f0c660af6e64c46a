using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Clinics;

/// <summary>"Today" and "now" as the clinic sees them (its configured time zone), and the clinic's settings.</summary>
public sealed class ClinicCalendar(ClinicSettingsCache settings, TimeProvider clock)
{
    private TimeZoneInfo? _zone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) => ClinicTime.DayOf(clock.GetUtcNow(), await ZoneAsync(ct));

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null) return _zone;
        return _zone = ClinicTime.Zone((await settings.GetAsync(ct))?.TimeZoneId, TimeZoneInfo.Utc);
    }

    /// <summary>The clinic's settings (see <see cref="ClinicSettingsCache"/>; the defaults before set-up). Read only.</summary>
    public async Task<ClinicSettings> SettingsAsync(CancellationToken ct = default) => await settings.GetAsync(ct) ?? new ClinicSettings();
}
