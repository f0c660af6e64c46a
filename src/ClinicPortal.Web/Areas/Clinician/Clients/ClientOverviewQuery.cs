using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.BoundaryPlans;
using ClinicPortal.Web.Areas.Clinician.CheckIns;
using ClinicPortal.Web.Areas.Clinician.Progress;
using ClinicPortal.Web.Areas.Clinician.Safety;
using ClinicPortal.Web.Areas.Clinician.SupportNetwork;
using ClinicPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

/// <summary>
/// The client overview in two statements, however much history the client has: the client with every card's
/// figures (most from the client's summary row) and two short lists, then the three lists the cards show in full.
/// Each statement reads one client, and every subquery names it by the parameter rather than through the outer row:
/// EF turns "the latest five" into a window over a derived table, which would otherwise number every client's rows.
/// </summary>
public sealed class ClientOverviewQuery(ClinicDbContext db, ClinicCalendar calendar, ClientInvitations invitations)
{
    public const int RecentNotes = 5, OpenConcerns = 5, UpcomingSessions = 3, RecentCheckInDays = 14;

    /// <summary>The overview of a client the page has already loaded (see <see cref="ClientRecordController"/>).</summary>
    public async Task<ClientOverview> RunAsync(Client client, string clinicianName, CancellationToken ct)
    {
        var clientId = client.Id;
        var settings = await calendar.SettingsAsync(ct);
        var (zone, today, now) = (await calendar.ZoneAsync(ct), await calendar.TodayAsync(ct), calendar.UtcNow);
        var recentSince = now.AddDays(-RecentCheckInDays);
        var pending = invitations.Pending(clientId);

        var head = await db.Clients.Where(c => c.Id == clientId).Select(c => new
            {
                Pending = pending.Any(),
                SignInActive = db.Users.Any(u => u.Id == c.UserId && u.IsActive),
                SignInHasPassword = db.Users.Any(u => u.Id == c.UserId && u.PasswordHash != null),
                Summary = db.Set<ClientSummary>().FirstOrDefault(s => s.ClientId == clientId),
                ModelName = db.Set<ClientSummary>().Where(s => s.ClientId == clientId)
                    .Join(db.Set<StageModel>(), s => s.StageModelId, m => m.Id, (s, m) => m.Name).FirstOrDefault(),
                StageName = db.Set<ClientSummary>().Where(s => s.ClientId == clientId)
                    .Join(db.Set<Stage>(), s => s.StageId, st => st.Id, (s, st) => st.Name).FirstOrDefault(),
                RecentCheckIns = db.Set<CheckIn>().Count(k => k.ClientId == clientId && k.CreatedAt >= recentSince),
                LatestCheckIn = db.Set<CheckIn>().Where(k => k.ClientId == clientId).OrderByDescending(k => k.CreatedAt)
                    .Select(ClinicianCheckIn.Projection).FirstOrDefault(),
                Plan = db.Set<SafetyPlan>().Where(p => p.ClientId == clientId).Select(PlanStatus.Projection).FirstOrDefault(),
                Supportive = db.Set<SupportPerson>().Count(p => p.ClientId == clientId && p.Role == SupportRole.Supportive),
                CrisisContacts = db.Set<SupportPerson>().Count(p => p.ClientId == clientId && p.IsCrisisContact),
                Mutual = db.Set<SupportPerson>().Count(p => p.ClientId == clientId && p.Role == SupportRole.MutualNeutral),
                Risk = db.Set<SupportPerson>().Count(p => p.ClientId == clientId && p.Role == SupportRole.Risk),
                Unknown = db.Set<SupportPerson>().Count(p => p.ClientId == clientId && p.Role == SupportRole.Unknown),
                Shared = db.Set<SupportPerson>().Count(p => p.ClientId == clientId && p.SharedWithClient && p.Role == SupportRole.Supportive),
                Notes = db.CaseNotes.Where(n => n.ClientId == clientId).OrderByDescending(n => n.ServiceDate).ThenByDescending(n => n.CreatedAt)
                    .Take(RecentNotes).Select(n => new RecentNote(n.Id, n.ServiceDate, n.Format, n.Status)).ToList(),
                Sessions = db.Set<TherapySession>().Where(s => s.ClientId == clientId && s.Status == SessionStatus.Scheduled && s.StartsAt > now)
                    .OrderBy(s => s.StartsAt).Take(UpcomingSessions)
                    .Select(s => new UpcomingSession(s.Id, s.StartsAt, s.DurationMinutes, s.Modality)).ToList(),
            })
            .AsSingleQuery()
            .FirstAsync(ct);

        var lists = await db.Clients.Where(c => c.Id == clientId).Select(c => new
            {
                Concerns = db.Set<SafetyConcern>().Where(s => s.ClientId == clientId && s.Status != ConcernStatus.Resolved)
                    .OrderByDescending(s => s.Severity).ThenByDescending(s => s.UpdatedAt).Take(OpenConcerns)
                    .Select(ConcernRow.Projection(db)).ToList(),
                Boundaries = db.Set<Boundary>().Where(b => b.ClientId == clientId).OrderBy(b => b.ContactLevel).ThenBy(b => b.CreatedAt)
                    .Select(b => new BoundarySummaryRow(b.Id, b.PersonName, b.ContactLevel, b.DoorOpen, b.ReviewDate < today)).ToList(),
                Transfers = db.Set<ClientTransfer>().Where(t => t.ClientId == clientId).OrderByDescending(t => t.TransferredAt)
                    .Select(t => new TransferView(t.TransferredAt,
                        db.Users.Where(u => u.Id == t.FromClinicianId).Select(u => u.DisplayName).First(),
                        db.Users.Where(u => u.Id == t.ToClinicianId).Select(u => u.DisplayName).First(),
                        t.Reason))
                    .ToList(),
            })
            .AsSingleQuery()
            .FirstAsync(ct);

        var summary = head.Summary;
        var rules = settings.CheckInRules;
        return new ClientOverview(
            client, clinicianName, head.Notes, head.Pending, ClientSignInStates.Of(client.UserId is not null, head.SignInActive, head.SignInHasPassword),
            new ProgressSummary(clientId, head.ModelName ?? "", head.StageName,
                summary?.StageSince is { } since ? Math.Max(0, today.DayNumber - since.DayNumber) : null, summary?.Regressions ?? 0),
            new SafetySummary(clientId, lists.Concerns, summary?.OpenAlerts ?? 0, head.Plan ?? PlanStatus.None),
            new BoundarySummary(clientId, lists.Boundaries),
            new SupportSummary(clientId, head.Supportive, head.CrisisContacts, head.Mutual, head.Risk, head.Unknown, head.Shared),
            new CheckInSummary(clientId, head.RecentCheckIns, RecentCheckInDays, head.LatestCheckIn,
                summary is null ? CheckInSignalSet.None : CheckInSignals.Evaluate(summary.CheckInFacts, rules, now), rules, zone),
            new UpcomingSessions(clientId, head.Sessions, zone, client.IsReadOnly),
            lists.Transfers);
    }
}
