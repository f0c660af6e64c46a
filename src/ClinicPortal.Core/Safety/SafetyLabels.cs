namespace ClinicPortal.Core.Safety;

/// <summary>The words shown for each safety value, so pages, summaries and reports say the same thing.</summary>
public static class SafetyLabels
{
    public sealed record TypeGroup(string Name, IReadOnlyList<ConcernType> Types);

    /// <summary>Every selectable concern type, in groups, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<TypeGroup> TypeGroups =
    [
        new("Contact", [ConcernType.RepeatedMessagesOrCalls, ConcernType.NewNumbersOrAccounts, ConcernType.MessagesThroughOthers]),
        new("Pressure to return", [ConcernType.PullBackAttempts]),
        new("Presence and monitoring", [ConcernType.ShowingUpAtHomeOrWork, ConcernType.Following, ConcernType.MonitoringSocialMedia]),
        new("Hostility", [ConcernType.Threats, ConcernType.Retaliation, ConcernType.SmearCampaign]),
        new("Harm and control", [ConcernType.PhysicalDanger, ConcernType.FinancialControl, ConcernType.ChildrensSafety]),
        new("The client's own risk", [ConcernType.SelfHarm, ConcernType.SuicidalThoughts, ConcernType.Relapse, ConcernType.SevereDistress]),
        new("Other", [ConcernType.Other]),
    ];

    public static string Of(ConcernType type) => type switch
    {
        ConcernType.RepeatedMessagesOrCalls => "Repeated messages or calls",
        ConcernType.NewNumbersOrAccounts => "New numbers or accounts",
        ConcernType.MessagesThroughOthers => "Messages sent through other people",
        ConcernType.PullBackAttempts => "Attempts to pull the client back (sudden affection, guilt, invented emergencies)",
        ConcernType.ShowingUpAtHomeOrWork => "Showing up at home or work",
        ConcernType.Following => "Following",
        ConcernType.MonitoringSocialMedia => "Monitoring social media",
        ConcernType.Threats => "Threats",
        ConcernType.Retaliation => "Retaliation",
        ConcernType.SmearCampaign => "Smear campaign among family, friends or colleagues",
        ConcernType.PhysicalDanger => "Physical danger",
        ConcernType.FinancialControl => "Financial control",
        ConcernType.ChildrensSafety => "Children's safety",
        ConcernType.SelfHarm => "Self-harm",
        ConcernType.SuicidalThoughts => "Suicidal thoughts",
        ConcernType.Relapse => "Relapse (e.g. alcohol)",
        ConcernType.SevereDistress => "Severe distress",
        ConcernType.Other => "Other",
        _ => type.ToString(),
    };

    public static string Of(ConcernSeverity severity) => severity switch
    {
        ConcernSeverity.Low => "Low",
        ConcernSeverity.Moderate => "Moderate",
        ConcernSeverity.High => "High",
        ConcernSeverity.Imminent => "Imminent",
        _ => severity.ToString(),
    };

    public static string Of(ConcernStatus status) => status switch
    {
        ConcernStatus.Open => "Open",
        ConcernStatus.Monitoring => "Monitoring",
        ConcernStatus.Resolved => "Resolved",
        _ => status.ToString(),
    };

    public static string Of(ConcernActionKind kind) => kind switch
    {
        ConcernActionKind.NumberBlocked => "Number blocked",
        ConcernActionKind.PoliceReport => "Police report",
        ConcernActionKind.ProtectiveOrderFiled => "Protective order filed",
        ConcernActionKind.HotlineReferral => "Hotline referral",
        ConcernActionKind.SafetyPlanReviewed => "Safety plan reviewed",
        ConcernActionKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.ConcernRaised => "Safety concern raised",
        AlertKind.ReviewOverdue => "Safety review overdue",
        AlertKind.ClientFeelsUnsafe => "Client pressed \u201cI feel unsafe\u201d",
        AlertKind.ContactAttemptReported => "Client reported a contact attempt",
        AlertKind.QuestionnaireSafetyItem => "A questionnaire answer needs a prompt follow-up",
        AlertKind.ProtectiveOrderExpiring => "Protective order expires soon",
        _ => kind.ToString(),
    };

    public static string Of(AlertResponse response) => response switch
    {
        AlertResponse.CalledClient => "Called the client",
        AlertResponse.NoAnswer => "Called, no answer",
        AlertResponse.EmergencyServicesContacted => "Emergency services contacted",
        AlertResponse.SafetyPlanReviewed => "Safety plan reviewed",
        AlertResponse.Other => "Other",
        _ => response.ToString(),
    };

    /// <summary>A response as one line of history: the label, and the note when there is one.</summary>
    public static string Of(AlertResponse response, string? note) => note is null ? Of(response) : $"{Of(response)}: {note}";

    /// <summary>The concern's type as shown in lists: the clinician's own words for "Other".</summary>
    public static string TypeName(ConcernType type, string? otherType) =>
        type == ConcernType.Other && otherType is not null ? $"Other: {otherType}" : Of(type);
}
