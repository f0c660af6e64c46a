using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Web.Areas.Clinician.BoundaryPlans;
using ClinicPortal.Web.Areas.Clinician.CheckIns;
using ClinicPortal.Web.Areas.Clinician.Progress;
using ClinicPortal.Web.Areas.Clinician.Safety;
using ClinicPortal.Web.Areas.Clinician.SupportNetwork;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

public sealed record RecentNote(Guid Id, DateOnly ServiceDate, NoteFormat Format, NoteStatus Status);

public sealed record UpcomingSession(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality);

/// <summary>The client's next scheduled sessions, shown in the clinic's time zone.</summary>
public sealed record UpcomingSessions(Guid ClientId, IReadOnlyList<UpcomingSession> Sessions, TimeZoneInfo Zone, bool ReadOnly);

/// <summary>Everything the client overview shows, read in two statements (see <see cref="ClientOverviewQuery"/>).</summary>
public sealed record ClientOverview(
    Client Client, string ClinicianName, IReadOnlyList<RecentNote> RecentNotes, bool HasPendingInvitation, Core.Accounts.ClientSignInState SignIn,
    ProgressSummary Progress, SafetySummary Safety, BoundarySummary Boundaries, SupportSummary Support, CheckInSummary CheckIns,
    UpcomingSessions Sessions, IReadOnlyList<TransferView> Transfers);

public sealed record TransferView(DateTimeOffset At, string From, string To, string Reason);
