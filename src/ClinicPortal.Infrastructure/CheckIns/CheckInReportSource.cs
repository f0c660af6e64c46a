using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.CheckIns;

/// <summary>
/// Check-ins for progress reports, under the caller's scope: the numbers, setbacks and contact-attempt channels
/// only. No journal text of any kind is read (and private entries live in a table no staff scope can read).
/// </summary>
public sealed class CheckInReportSource(ClinicDbContext db) : IReportCheckInSource
{
    public async Task<IReadOnlyList<ReportCheckIn>> ForReportAsync(Guid clientId, ReportPeriod period, TimeZoneInfo zone, CancellationToken ct)
    {
        // A day either side covers every time zone; the exact local day is checked below.
        var from = new DateTimeOffset(period.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(period.End.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await db.Set<CheckIn>().AsNoTracking()
            .Where(c => c.ClientId == clientId && c.CreatedAt >= from && c.CreatedAt < to)
            .Select(c => new { c.Id, c.CreatedAt, c.Mood, c.Urge, c.BrokeContact, c.ContactAttempted, c.Channel, c.LookedThemUp, c.Emotions })
            .ToListAsync(ct);
        // Who tried to reach the client, where the check-in named the person (by their boundary's current name).
        var attempts = (await db.Set<CheckInPerson>().AsNoTracking()
                .Where(p => p.ClientId == clientId && p.ContactAttempted
                    && db.Set<CheckIn>().Any(c => c.Id == p.CheckInId && c.ClientId == clientId && c.CreatedAt >= from && c.CreatedAt < to))
                .Join(db.Set<Boundary>().Where(b => b.ClientId == clientId), p => p.BoundaryId, b => b.Id, (p, b) => new { p.CheckInId, b.PersonName })
                .ToListAsync(ct))
            .ToLookup(a => a.CheckInId, a => a.PersonName);
        return rows
            .Select(c => new ReportCheckIn(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.CreatedAt, zone).DateTime), c.Mood, c.Urge, c.BrokeContact,
                c.ContactAttempted && c.Channel is { } channel ? [CheckInLabels.Of(channel)] : [])
            {
                LookedUp = c.LookedThemUp, Emotions = c.Emotions, AttemptedBy = attempts[c.Id].ToList(),
            })
            .Where(c => c.Date >= period.Start && c.Date <= period.End)
            .ToList();
    }
}
