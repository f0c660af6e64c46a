using ClinicPortal.Core.Common;

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
    /// prompt to look, not evidence of danger now, so it neither escalates nor reorders the caseload, and emails
    /// only a clinician who asked for mail about high alerts.
    /// </summary>
    public static ConcernSeverity OverdueReviewSeverity(ConcernSeverity concernSeverity) =>
        concernSeverity >= ConcernSeverity.High ? ConcernSeverity.High : ConcernSeverity.Moderate;

    /// <summary>
    /// The severity an alert from a client's own check-in carries: "I feel unsafe" is always imminent; a contact attempt
    /// carries the severity the clinic chose for them (<see cref="ContactAttemptSeverities"/>, moderate by default).
    /// </summary>
    public static ConcernSeverity CheckInSeverity(AlertKind kind, ConcernSeverity contactAttemptSeverity) => kind switch
    {
        AlertKind.ClientFeelsUnsafe or AlertKind.QuestionnaireSafetyItem => ConcernSeverity.Imminent,
        AlertKind.ContactAttemptReported => contactAttemptSeverity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), "Concern alerts take the concern's severity."),
    };

    /// <summary>What a clinic may rate a reported contact attempt: never below moderate, so it always shows on the caseload.</summary>
    public static readonly IReadOnlyList<ConcernSeverity> ContactAttemptSeverities = [ConcernSeverity.Moderate, ConcernSeverity.High, ConcernSeverity.Imminent];

    public const string ContactAttemptSeverityMessage = "Choose how contact attempts are rated: moderate, high or imminent.";

    /// <summary>The clinic's choice for contact attempts, refused with a message for the page when it is not one of the three.</summary>
    public static ConcernSeverity ValidContactAttemptSeverity(ConcernSeverity? chosen) =>
        chosen is { } s && ContactAttemptSeverities.Contains(s) ? s : throw new DomainRuleException(ContactAttemptSeverityMessage);

    /// <summary>
    /// The lowest severity a clinician may ask to be emailed from. Imminent alerts always email (an unanswered one
    /// escalates on a clock that assumes the clinician was told), so "imminent only" is the quietest choice.
    /// </summary>
    public static readonly IReadOnlyList<ConcernSeverity> MailFromChoices = [ConcernSeverity.Imminent, ConcernSeverity.High, ConcernSeverity.Moderate];

    public const string MailFromMessage = "Choose which alerts reach you by email: imminent only, high and imminent, or moderate and above.";

    /// <summary>A clinician's choice of <see cref="MailFromChoices"/>, refused with a message for the page otherwise.</summary>
    public static ConcernSeverity ValidMailFrom(ConcernSeverity? chosen) =>
        chosen is { } s && MailFromChoices.Contains(s) ? s : throw new DomainRuleException(MailFromMessage);

    /// <summary>
    /// Whether an alert reaches a clinician by email (which says only "please sign in"): imminent alerts always do;
    /// others when the clinician asked for mail from their severity (<paramref name="mailFrom"/>, imminent by default).
    /// </summary>
    public static bool Emails(ConcernSeverity severity, ConcernSeverity mailFrom) =>
        severity == ConcernSeverity.Imminent || severity >= mailFrom;

    /// <summary>The lowest severity that can email anyone: below it an alert needs no read of who would be mailed.</summary>
    public static bool MayEmail(ConcernSeverity severity) => severity >= MailFromChoices.Min();

    /// <summary>An unacknowledged imminent alert keeps its client at the top of the caseload.</summary>
    public static bool PinsToTopOfCaseload(ConcernSeverity severity, DateTimeOffset? acknowledgedAt) =>
        severity == ConcernSeverity.Imminent && acknowledgedAt is null;
}
