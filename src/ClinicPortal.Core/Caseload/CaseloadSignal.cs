using System.Linq.Expressions;
using ClinicPortal.Core.CheckIns;

namespace ClinicPortal.Core.Caseload;

/// <summary>What a clinician can narrow the caseload to.</summary>
public enum CaseloadSignal
{
    ImminentAlert,
    OpenConcerns,
    RisingUrge,
    Setback,
    ContactAttempt,
    NoRecentCheckIn,
    OverdueReview,
    DraftNotes,
    UnreadMessages,
    PlanReviewOverdue,
}

/// <summary>
/// The caseload signals as predicates the database evaluates, so a caseload of any size is filtered before
/// it is paged. They are the rules of <see cref="CheckInSignals"/> written over <see cref="ClientSummary"/>;
/// CaseloadSignalsTests checks that both give the same answer for every combination of facts.
/// </summary>
public static class CaseloadSignals
{
    public static Expression<Func<ClientSummary, bool>> Where(CaseloadSignal signal, CheckInRules rules, DateTimeOffset now, DateOnly today)
    {
        var quietSince = now.AddDays(-rules.NoCheckInDays);
        var threshold = rules.UrgeThreshold;
        return signal switch
        {
            CaseloadSignal.ImminentAlert => s => s.ImminentAlerts > 0,
            CaseloadSignal.OpenConcerns => s => s.OpenConcerns > 0,
            CaseloadSignal.RisingUrge => s => s.LatestUrge >= threshold
                || (s.EarlierUrge <= s.PreviousUrge && s.PreviousUrge <= s.LatestUrge && s.LatestUrge > s.EarlierUrge),
            CaseloadSignal.Setback => s => s.LastSetbackAt != null && (s.LastHeldSessionAt == null || s.LastSetbackAt > s.LastHeldSessionAt),
            CaseloadSignal.ContactAttempt => s => s.LastContactAttemptAt != null && (s.LastHeldSessionAt == null || s.LastContactAttemptAt > s.LastHeldSessionAt),
            CaseloadSignal.NoRecentCheckIn => s => s.ExpectsCheckIns && (s.LastCheckInAt ?? s.SignInSince) <= quietSince,
            CaseloadSignal.OverdueReview => s => s.NextReviewDate < today,
            CaseloadSignal.DraftNotes => s => s.DraftNotes > 0,
            CaseloadSignal.UnreadMessages => s => s.UnreadMessages > 0,
            CaseloadSignal.PlanReviewOverdue => s => s.PlanReviewDate < today,
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        };
    }

    public static string Label(CaseloadSignal signal) => signal switch
    {
        CaseloadSignal.ImminentAlert => "Imminent alert",
        CaseloadSignal.OpenConcerns => "Open safety concerns",
        CaseloadSignal.RisingUrge => "Urge high or rising",
        CaseloadSignal.Setback => "Setback since last session",
        CaseloadSignal.ContactAttempt => "Contact attempt since last session",
        CaseloadSignal.NoRecentCheckIn => "No recent check-in",
        CaseloadSignal.OverdueReview => "Boundary review overdue",
        CaseloadSignal.DraftNotes => "Draft notes",
        CaseloadSignal.UnreadMessages => "Unread messages",
        CaseloadSignal.PlanReviewOverdue => "Treatment plan review overdue",
        _ => signal.ToString(),
    };
}
