using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicPortal.Infrastructure.Measures;

/// <summary>
/// Opens the questionnaires that schedules make due (<see cref="MeasureSchedule.NextDue"/>), for clients still in care.
/// Safe to run any number of times and on several nodes: a unique index on (schedule, due time) and on (schedule, session)
/// stops a duplicate. What opens shows in the client's space; no mail is sent.
/// </summary>
public sealed class DueMeasures(ClinicDbContext db, TimeProvider clock, ILogger<DueMeasures> logger)
{
    /// <summary>Returns how many questionnaires were opened.</summary>
    public async Task<int> OpenDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Set<MeasureSchedule>()
            .Where(s => s.StoppedAt == null && db.Clients.Any(c => c.Id == s.ClientId && c.Status != ClientStatus.Discharged))
            .Select(s => new
            {
                Schedule = s,
                LastDue = db.Set<MeasureResponse>().Where(r => r.ScheduleId == s.Id).Max(r => (DateTimeOffset?)r.DueAt),
                StillOpen = db.Set<MeasureResponse>().Any(r => r.ScheduleId == s.Id && r.SubmittedAt == null),
                NextSession = s.Kind == ScheduleKind.BeforeSession
                    ? db.Set<TherapySession>().Where(t => t.ClientId == s.ClientId && t.Status == SessionStatus.Scheduled && t.StartsAt > now)
                        .Where(t => !db.Set<MeasureResponse>().Any(r => r.ScheduleId == s.Id && r.SessionId == t.Id))
                        .OrderBy(t => t.StartsAt).Select(t => new { t.Id, t.StartsAt }).FirstOrDefault()
                    : null,
            })
            .ToListAsync(ct);
        var opened = 0;
        foreach (var c in candidates)
        {
            if (c.Schedule.NextDue(now, c.LastDue, c.NextSession?.StartsAt, c.StillOpen) is not { } due || due > now) continue;
            var instrument = Instruments.Find(c.Schedule.InstrumentCode)!;
            db.Add(MeasureResponse.Assign(c.Schedule.ClientId, instrument, due, now, assignedBy: null, c.Schedule.Id, c.NextSession?.Id));
            c.Schedule.Opened(now);
            opened++;
        }
        if (opened == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear(); // another node opened them first
            logger.LogInformation("Scheduled questionnaires were opened concurrently elsewhere; skipped");
            return 0;
        }
        logger.LogInformation("Opened {Count} scheduled questionnaires", opened);
        return opened;
    }
}
