using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

/// <summary>One caseload row: the signals a clinician scans first. Columns of later features join here.</summary>
public sealed record CaseloadRow(
    Guid Id, string FullName, string? PreferredName, ClientStatus Status, DateOnly IntakeDate,
    DateOnly? LastNoteDate, int DraftNotes, bool HasSignIn,
    string StageModelName, Guid? StageId, string? StageName, int? StagePosition, DateOnly? StageSince,
    int OverdueBoundaryReviews,
    int OpenConcerns, ConcernSeverity? TopOpenSeverity, bool ImminentAlert,
    DateTimeOffset? NextSession,
    CheckInFacts CheckIns, CheckInRules CheckInRules)
{
    /// <summary>Set by <see cref="CaseloadQuery"/> from <see cref="CheckIns"/> once the rows are loaded.</summary>
    public CheckInSignalSet CheckInSignals { get; init; } = CheckInSignalSet.None;

    /// <summary>The day of the last check-in in the clinic's time zone.</summary>
    public DateOnly? LastCheckInDay { get; init; }

    /// <summary>Whether email may reach the client (their contact-safety profile), for the badge beside the name.</summary>
    public ContactSafetyLevel ContactSafety { get; init; }

    public int? DaysInStage(DateOnly today) => StageSince is { } since ? Math.Max(0, today.DayNumber - since.DayNumber) : null;

    public string DisplayName => PreferredName is null ? FullName : $"{PreferredName} ({FullName})";
}

/// <summary>
/// The caseload as ONE SQL statement however many clients there are: every column is a correlated
/// subquery in the same projection, never a query per row.
/// </summary>
public sealed class CaseloadQuery(ClinicDbContext db, ClinicCalendar calendar)
{
    public async Task<List<CaseloadRow>> RunAsync(Guid clinicianId, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var (zone, now) = (await calendar.ZoneAsync(ct), calendar.UtcNow);
        var rows = await db.Clients
            .Where(c => c.PrimaryClinicianId == clinicianId)
            // Unacknowledged imminent alerts keep their client at the top until the clinician acknowledges them.
            .OrderByDescending(c => db.Set<ClinicianAlert>().Any(a => a.ClientId == c.Id && a.AcknowledgedAt == null && a.Severity == ConcernSeverity.Imminent))
            .ThenBy(c => c.Status == ClientStatus.Discharged).ThenBy(c => c.FullName)
            // Stage progression: the latest assessment in the client's current model, and when that stage's final run began.
            .Select(c => new
            {
                c,
                ModelId = db.Set<ClientStageModel>().Where(h => h.ClientId == c.Id).OrderByDescending(h => h.StartedAt)
                    .Select(h => (Guid?)h.ModelId).FirstOrDefault() ?? BuiltInStageModels.DefaultModelId,
            })
            .Select(x => new
            {
                x.c, x.ModelId,
                StageId = db.Set<StageAssessment>().Where(a => a.ClientId == x.c.Id && a.ModelId == x.ModelId)
                    .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).Select(a => (Guid?)a.StageId).FirstOrDefault(),
            })
            .Select(x => new CaseloadRow(
                x.c.Id, x.c.FullName, x.c.PreferredName, x.c.Status, x.c.IntakeDate,
                db.CaseNotes.Where(n => n.ClientId == x.c.Id).Max(n => (DateOnly?)n.ServiceDate),
                db.CaseNotes.Count(n => n.ClientId == x.c.Id && n.Status == NoteStatus.Draft),
                x.c.UserId != null,
                db.Set<StageModel>().Where(m => m.Id == x.ModelId).Select(m => m.Name).First(),
                x.StageId,
                db.Set<Stage>().Where(s => s.Id == x.StageId).Select(s => s.Name).FirstOrDefault(),
                db.Set<Stage>().Where(s => s.Id == x.StageId).Select(s => (int?)s.Position).FirstOrDefault(),
                db.Set<StageAssessment>()
                    .Where(a => a.ClientId == x.c.Id && a.ModelId == x.ModelId && a.StageId == x.StageId
                        && !db.Set<StageAssessment>().Any(b => b.ClientId == x.c.Id && b.ModelId == x.ModelId && b.StageId != a.StageId
                            && (b.AssessedOn > a.AssessedOn || (b.AssessedOn == a.AssessedOn && b.CreatedAt > a.CreatedAt))))
                    .Min(a => (DateOnly?)a.AssessedOn),
                db.Set<Boundary>().Count(b => b.ClientId == x.c.Id && b.ReviewDate < today),
                db.Set<SafetyConcern>().Count(s => s.ClientId == x.c.Id && s.Status != ConcernStatus.Resolved),
                db.Set<SafetyConcern>().Where(s => s.ClientId == x.c.Id && s.Status != ConcernStatus.Resolved).Max(s => (ConcernSeverity?)s.Severity),
                db.Set<ClinicianAlert>().Any(a => a.ClientId == x.c.Id && a.AcknowledgedAt == null && a.Severity == ConcernSeverity.Imminent),
                db.Set<TherapySession>().Where(s => s.ClientId == x.c.Id && s.Status == SessionStatus.Scheduled && s.StartsAt > now).Min(s => (DateTimeOffset?)s.StartsAt),
                // Check-in signals: the same facts as CheckInQueries.CheckInFactsAsync, for every row in this one statement.
                new CheckInFacts(
                    db.Set<CheckIn>().Where(k => k.ClientId == x.c.Id).Max(k => (DateTimeOffset?)k.CreatedAt),
                    db.Set<CheckIn>().Where(k => k.ClientId == x.c.Id).OrderByDescending(k => k.CreatedAt).Select(k => (int?)k.Urge).FirstOrDefault(),
                    db.Set<CheckIn>().Where(k => k.ClientId == x.c.Id).OrderByDescending(k => k.CreatedAt).Skip(1).Select(k => (int?)k.Urge).FirstOrDefault(),
                    db.Set<CheckIn>().Where(k => k.ClientId == x.c.Id).OrderByDescending(k => k.CreatedAt).Skip(2).Select(k => (int?)k.Urge).FirstOrDefault(),
                    db.Set<CheckIn>().Where(k => k.ClientId == x.c.Id && k.BrokeContact).Max(k => (DateTimeOffset?)k.CreatedAt),
                    db.Set<CheckIn>().Where(k => k.ClientId == x.c.Id && k.ContactAttempted).Max(k => (DateTimeOffset?)k.CreatedAt),
                    db.Set<TherapySession>().Where(s => s.ClientId == x.c.Id && s.Status == SessionStatus.Completed).Max(s => (DateTimeOffset?)s.StartsAt),
                    db.Users.Where(u => u.Id == x.c.UserId).Select(u => (DateTimeOffset?)u.CreatedAt).FirstOrDefault(),
                    x.c.UserId != null && x.c.Status == ClientStatus.Active),
                db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId)
                    .Select(s => new CheckInRules(s.CheckInUrgeThreshold, s.NoCheckInDays)).First())
            {
                ContactSafety = db.Set<ContactSafetyProfile>().Where(p => p.ClientId == x.c.Id).Select(ContactSafetyLevels.OfProfile)
                    .Cast<ContactSafetyLevel?>().FirstOrDefault() ?? ContactSafetyLevel.NotRecorded,
            })
            .ToListAsync(ct);
        return rows.Select(r => r with
        {
            CheckInSignals = Core.CheckIns.CheckInSignals.Evaluate(r.CheckIns, r.CheckInRules, now),
            LastCheckInDay = r.CheckIns.LastCheckInAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null,
        }).ToList();
    }
}
