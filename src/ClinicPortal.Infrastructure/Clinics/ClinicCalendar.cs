using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Clinics;

/// <summary>"Today" and "now" as the clinic sees them (its configured time zone), loaded once per request.</summary>
public sealed class ClinicCalendar(ClinicDbContext db, TimeProvider clock)
{
    private TimeZoneInfo? _zone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) => ClinicTime.DayOf(clock.GetUtcNow(), await ZoneAsync(ct));

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null) return _zone;
        var id = await db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct);
        return _zone = ClinicTime.Zone(id, TimeZoneInfo.Utc);
    }
}
