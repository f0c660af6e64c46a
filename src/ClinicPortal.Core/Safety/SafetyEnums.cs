namespace ClinicPortal.Core.Safety;

/// <summary>
/// What happened. Every kind of concern the product brief lists, grouped as clinicians think of them,
/// plus <see cref="Other"/> (which needs a short description of its own).
/// </summary>
public enum ConcernType
{
    // Contact
    RepeatedMessagesOrCalls = 0,
    NewNumbersOrAccounts = 1,
    MessagesThroughOthers = 2,
    // Pressure to return
    PullBackAttempts = 3,
    // Presence and monitoring
    ShowingUpAtHomeOrWork = 4,
    Following = 5,
    MonitoringSocialMedia = 6,
    // Hostility
    Threats = 7,
    Retaliation = 8,
    SmearCampaign = 9,
    // Harm and control
    PhysicalDanger = 10,
    FinancialControl = 11,
    ChildrensSafety = 12,
    // The client's own risk
    SelfHarm = 13,
    SuicidalThoughts = 14,
    Relapse = 15,
    SevereDistress = 16,
    Other = 99,
}

public enum ConcernSeverity
{
    Low = 0,
    Moderate = 1,
    High = 2,
    /// <summary>Danger now: alerts the clinician by email and puts the client at the top of the caseload.</summary>
    Imminent = 3,
}

public enum ConcernStatus
{
    Open = 0,
    /// <summary>Quiet for now but still watched.</summary>
    Monitoring = 1,
    /// <summary>Closed with a resolution note; can be reopened.</summary>
    Resolved = 2,
}

/// <summary>Steps taken about a concern, recorded with a date.</summary>
public enum ConcernActionKind
{
    NumberBlocked = 0,
    PoliceReport = 1,
    ProtectiveOrderFiled = 2,
    HotlineReferral = 3,
    SafetyPlanReviewed = 4,
    Other = 99,
}

public enum AlertKind
{
    /// <summary>A concern was recorded as, or raised to, high or imminent.</summary>
    ConcernRaised = 0,
    /// <summary>An open concern's review date has passed.</summary>
    ReviewOverdue = 1,
    /// <summary>The client pressed "I feel unsafe" (raised by the check-in feature).</summary>
    ClientFeelsUnsafe = 2,
    /// <summary>The client reported a contact attempt (raised by the check-in feature).</summary>
    ContactAttemptReported = 3,
    /// <summary>
    /// A questionnaire's safety item was answered above 0 (PHQ-9 item 9; raised by the measures feature). It behaves as
    /// <see cref="ClientFeelsUnsafe"/> does: imminent, mailed, escalated.
    /// </summary>
    QuestionnaireSafetyItem = 4,
    /// <summary>A protective order's expiry is near (raised by the protective-orders reminder job, low: no caseload pin, no alert mail).</summary>
    ProtectiveOrderExpiring = 5,
}

/// <summary>What the clinician did about an alert, recorded when they acknowledge it.</summary>
public enum AlertResponse
{
    CalledClient = 1,
    NoAnswer = 2,
    EmergencyServicesContacted = 3,
    SafetyPlanReviewed = 4,
    Other = 99,
}
