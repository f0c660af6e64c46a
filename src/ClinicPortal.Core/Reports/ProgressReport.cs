using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Reports;

/// <summary>
/// A progress report for one client and period, computed once. Both renderings (the PDF and the HTML print view)
/// are drawn from it. A section is null when it was not chosen (or, for safety, when the copy is for the client).
/// </summary>
public sealed record ProgressReport(
    ReportHeader Header,
    ReportOptions Options,
    bool HasData,
    StagePathSection? StagePath,
    CheckInSection? CheckIns,
    BoundarySection? Boundaries,
    SupportSection? Support,
    SafetySection? Safety,
    AttendanceSection? Attendance,
    TreatmentPlanSection? TreatmentPlan = null,
    MeasuresSection? Measures = null,
    IncidentsSection? Incidents = null);

public sealed record ReportHeader(
    Guid ReportId,
    string ClientName,
    string ClinicianName,
    string ClinicName,
    ReportPeriod Period,
    ReportAudience Audience,
    DateTime GeneratedAtLocal,
    string GeneratedBy)
{
    /// <summary>A short reference printed on the report; the audit log holds the full id.</summary>
    public string Reference => ReportId.ToString("N")[..8].ToUpperInvariant();
}

// ---- Stage path ----

public sealed record StageAxisEntry(int Position, string Name, bool IsRelapse);

public sealed record StageStep(DateOnly Date, string Stage, int Position, Regression Regression, string Movement, string Evidence)
{
    public bool IsRegression => Regression != Regression.None;
}

/// <param name="AtStart">The stage the client was in when the period began (the last assessment before it), if any.</param>
/// <param name="OtherModelAssessments">Assessments in the period made under another stage model, which are not drawn on this path.</param>
public sealed record StagePathSection(
    string ModelName,
    IReadOnlyList<StageAxisEntry> Stages,
    StageStep? AtStart,
    IReadOnlyList<StageStep> Steps,
    int OtherModelAssessments)
{
    public int Regressions => Steps.Count(s => s.IsRegression);
    public StageStep? AtEnd => Steps.Count > 0 ? Steps[^1] : AtStart;
    public bool IsEmpty => Steps.Count == 0;
}

// ---- Check-in trends ----

/// <summary>Check-ins of one day or one week: how many, average ratings, setbacks and contact attempts.</summary>
public sealed record CheckInBucket(DateOnly Start, int CheckIns, double? Mood, double? Urge, int Setbacks, int ContactAttempts);

public sealed record ChannelCount(string Channel, int Count);

public sealed record CheckInSection(
    IReadOnlyList<CheckInBucket> Days,
    IReadOnlyList<CheckInBucket> Weeks,
    int CheckIns,
    double? AverageMood,
    double? AverageUrge,
    (double? FirstHalf, double? SecondHalf) MoodTrend,
    (double? FirstHalf, double? SecondHalf) UrgeTrend,
    int Setbacks,
    int ContactAttempts,
    IReadOnlyList<ChannelCount> AttemptsByChannel)
{
    /// <summary>Periods longer than this are charted by week, so a long report stays readable.</summary>
    public const int DailyChartMaxDays = 120;

    public bool IsEmpty => CheckIns == 0;
    public int DaysWithCheckIns => Days.Count;

    /// <summary>Looking them up, feelings and contact attempts per person in the period.</summary>
    public CheckInTally Tally { get; init; } = CheckInTally.Empty;
}

// ---- Boundary plan ----

/// <param name="Note">Why the move was made where the plan records it (a trial's exit criterion met).</param>
public sealed record DatedLevelChange(DateOnly Date, ContactLevelChange Change, string? Note = null);

/// <param name="ConditionsAtEnd">The conditions for reconsidering contact with their status, as they stood at the end of the period.</param>
public sealed record BoundaryLine(string Person, RelationshipType Relationship, ContactLevel LevelAtEnd, bool DoorOpen,
    IReadOnlyList<DatedLevelChange> ChangesInPeriod, IReadOnlyList<ConditionItem> ConditionsAtEnd);

public sealed record BoundarySection(IReadOnlyList<BoundaryLine> Boundaries)
{
    public bool IsEmpty => Boundaries.Count == 0;
    public int Changes => Boundaries.Sum(b => b.ChangesInPeriod.Count);
}

// ---- Support network ----

public sealed record CrisisContactLine(string Name, string? Relationship, string? Phone);

/// <summary>
/// Counts by role. The mutual, risk and unknown counts are null in a client copy: a client never sees risk labels,
/// and a count of "others" would hint at them.
/// </summary>
public sealed record SupportSection(int Supportive, int? MutualNeutral, int? Risk, int? Unknown, IReadOnlyList<CrisisContactLine> CrisisContacts)
{
    public bool IsEmpty => Supportive + (MutualNeutral ?? 0) + (Risk ?? 0) + (Unknown ?? 0) == 0;
}

// ---- Safety concerns (provider copy only) ----

public sealed record ConcernLine(
    string Type,
    ConcernSeverity Severity,
    DateOnly FirstNoticed,
    bool OpenedInPeriod,
    ConcernStatus StatusAtEnd,
    DateOnly? ResolvedOn,
    IReadOnlyList<string> ActionsInPeriod,
    string? ResolutionNote);

/// <summary>An urgent alert raised in the period, and what the clinician did about it.</summary>
public sealed record AlertLine(DateOnly RaisedOn, string Alert, ConcernSeverity Severity, DateOnly? AcknowledgedOn, string? Response);

/// <summary>The safety plan's last revision saved by the end of the period: its number, day, sharing and how many steps it filled.</summary>
public sealed record SafetyPlanAtEnd(int Revision, DateOnly SavedOn, bool SharedWithClient, int StepsFilled);

/// <param name="Plan">The safety plan as it stood at the end of the period; null when none was saved by then.</param>
public sealed record SafetySection(IReadOnlyList<ConcernLine> Concerns, int ResolvedInPeriod, IReadOnlyList<AlertLine> Alerts, SafetyPlanAtEnd? Plan = null)
{
    public int OpenedInPeriod => Concerns.Count(c => c.OpenedInPeriod);
    public int OpenAtEnd => Concerns.Count(c => c.StatusAtEnd != ConcernStatus.Resolved);
    public bool IsEmpty => Concerns.Count == 0 && Alerts.Count == 0;
}

// ---- Attendance ----

public sealed record SessionLine(DateTime StartsAtLocal, SessionModality Modality, int DurationMinutes, SessionStatus Status);

public sealed record AttendanceSection(IReadOnlyList<SessionLine> Sessions, NoteCounts Notes)
{
    public int Completed => Count(SessionStatus.Completed);
    public int Cancelled => Count(SessionStatus.Cancelled);
    public int NoShows => Count(SessionStatus.NoShow);
    /// <summary>Sessions in the period still marked "scheduled" (outcome not recorded yet, or later today).</summary>
    public int NotMarked => Count(SessionStatus.Scheduled);

    /// <summary>Kept sessions out of those that were due to happen (cancelled ones are not counted against the client).</summary>
    public double? AttendanceRate => Completed + NoShows == 0 ? null : (double)Completed / (Completed + NoShows);

    public bool IsEmpty => Sessions.Count == 0 && Notes.Written == 0;

    private int Count(SessionStatus status) => Sessions.Count(s => s.Status == status);
}
