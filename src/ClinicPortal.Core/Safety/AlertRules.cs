namespace ClinicPortal.Core.Safety;

/// <summary>When a clinician is alerted, and how loudly.</summary>
public static class AlertRules
{
    /// <summary>
    /// A concern alerts its clinician when it is recorded as high or imminent, when its severity rises
    /// to high or imminent, or when a high or imminent concern is reopened. Editing a concern that already
    /// alerted at the same level, lowering it, or resolving it raises nothing new.
    /// </summary>
    public static bool ConcernNeedsAlert(ConcernSeverity? previousSeverity, ConcernStatus? previousStatus, ConcernSeverity severity, ConcernStatus status)
    {
        if (status == ConcernStatus.Resolved || severity < ConcernSeverity.High) return false;
        if (previousSeverity is not { } before || previousStatus is ConcernStatus.Resolved) return true;
        return severity > before;
    }

    /// <summary>
    /// An overdue review is as urgent as its concern, but never "imminent" on its own: a missed date is a
    /// prompt to look, not evidence of danger now, so it neither emails nor reorders the caseload.
    /// </summary>
    public static ConcernSeverity OverdueReviewSeverity(ConcernSeverity concernSeverity) =>
        concernSeverity >= ConcernSeverity.High ? ConcernSeverity.High : ConcernSeverity.Moderate;

    /// <summary>The severity an alert from a client's own check-in carries.</summary>
    public static ConcernSeverity CheckInSeverity(AlertKind kind) => kind switch
    {
        AlertKind.ClientFeelsUnsafe or AlertKind.QuestionnaireSafetyItem => ConcernSeverity.Imminent,
        AlertKind.ContactAttemptReported => ConcernSeverity.Moderate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), "Concern alerts take the concern's severity."),
    };

    /// <summary>Imminent alerts also reach the clinician by email (which says only "please sign in").</summary>
    public static bool SendsEmail(ConcernSeverity severity) => severity == ConcernSeverity.Imminent;

    /// <summary>An unacknowledged imminent alert keeps its client at the top of the caseload.</summary>
    public static bool PinsToTopOfCaseload(ConcernSeverity severity, DateTimeOffset? acknowledgedAt) =>
        severity == ConcernSeverity.Imminent && acknowledgedAt is null;
}
