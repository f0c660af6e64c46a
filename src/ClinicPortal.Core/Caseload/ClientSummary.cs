using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Caseload;

/// <summary>
/// One client's caseload facts, kept current by the database in the same transaction as every write that
/// changes them (db/migrations/0009_client_summaries.sql), so the caseload reads one row per client instead
/// of aggregating each client's history on every view. Read-only to the application. Facts that depend on
/// the clock (overdue, quiet, next session) are derived from these when the page is read.
/// </summary>
public sealed class ClientSummary : IClinicalRecord
{
    private ClientSummary() { }

    /// <summary>A summary built by hand, for rules and tests; the app reads the database's rows.</summary>
    public static ClientSummary Of(CheckInFacts checkIns, int imminentAlerts = 0, int openConcerns = 0, int draftNotes = 0, DateOnly? nextReviewDate = null,
        int unreadMessages = 0, DateOnly? planReviewDate = null) => new()
    {
        LastCheckInAt = checkIns.LastCheckInAt, LatestUrge = checkIns.LatestUrge, PreviousUrge = checkIns.PreviousUrge, EarlierUrge = checkIns.EarlierUrge,
        LastSetbackAt = checkIns.LastSetbackAt, LastContactAttemptAt = checkIns.LastContactAttemptAt, LastHeldSessionAt = checkIns.LastSessionAt,
        SignInSince = checkIns.SignInSince, ExpectsCheckIns = checkIns.ExpectedToCheckIn,
        ImminentAlerts = imminentAlerts, OpenAlerts = imminentAlerts, OpenConcerns = openConcerns, DraftNotes = draftNotes, NextReviewDate = nextReviewDate,
        UnreadMessages = unreadMessages, PlanReviewDate = planReviewDate,
    };

    public Guid ClientId { get; private set; }
    /// <summary>The client's current stage model (the clinic default when none was chosen) and their latest stage in it.</summary>
    public Guid? StageModelId { get; private set; }
    public Guid? StageId { get; private set; }
    /// <summary>When the current stage's latest run began.</summary>
    public DateOnly? StageSince { get; private set; }
    /// <summary>Moves back along the current model's path (see <c>StagePath.Classify</c>).</summary>
    public int Regressions { get; private set; }
    public DateOnly? LastNoteDate { get; private set; }
    public int DraftNotes { get; private set; }
    public int OpenConcerns { get; private set; }
    public ConcernSeverity? TopOpenSeverity { get; private set; }
    /// <summary>Unacknowledged imminent alerts: they keep the client at the top of the caseload.</summary>
    public int ImminentAlerts { get; private set; }
    /// <summary>Alerts of any kind not yet acknowledged.</summary>
    public int OpenAlerts { get; private set; }
    public DateTimeOffset? LastCheckInAt { get; private set; }
    public int? LatestUrge { get; private set; }
    public int? PreviousUrge { get; private set; }
    public int? EarlierUrge { get; private set; }
    public DateTimeOffset? LastSetbackAt { get; private set; }
    public DateTimeOffset? LastContactAttemptAt { get; private set; }
    public DateTimeOffset? LastHeldSessionAt { get; private set; }
    /// <summary>When the client's sign-in was created, if they have one.</summary>
    public DateTimeOffset? SignInSince { get; private set; }
    /// <summary>An active client with a sign-in is expected to check in.</summary>
    public bool ExpectsCheckIns { get; private set; }
    /// <summary>The earliest boundary review date: a review is overdue once it has passed.</summary>
    public DateOnly? NextReviewDate { get; private set; }
    /// <summary>The client's messages no clinician has opened yet (<c>MessageThread.UnreadByClinician</c>; 0040_secure_messages.sql).</summary>
    public int UnreadMessages { get; private set; }
    /// <summary>When the client's treatment plan is to be reviewed (0092_treatment_plan_review_on_caseload.sql).</summary>
    public DateOnly? PlanReviewDate { get; private set; }

    /// <summary>The treatment plan's review date has passed (<c>TreatmentPlan.IsReviewOverdue</c>, as the caseload reads it).</summary>
    public bool IsPlanReviewOverdue(DateOnly today) => PlanReviewDate is { } review && review < today;
    /// <summary>The next hard date (birthday, anniversary…) from the day it was refreshed (0111_hard_dates.sql): the page counts the days.</summary>
    public DateOnly? NextHardDate { get; private set; }
    /// <summary>A questionnaire reliably worse than its first score, or a flagged safety item (0080_measures.sql).</summary>
    public Measures.MeasureSignal MeasureSignal { get; private set; }

    public CheckInFacts CheckInFacts => new(
        LastCheckInAt, LatestUrge, PreviousUrge, EarlierUrge, LastSetbackAt, LastContactAttemptAt, LastHeldSessionAt, SignInSince, ExpectsCheckIns);
}
