namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>How a goal's progress is judged: by a questionnaire's score, a boundary's channels, a check-in number, or in words only.</summary>
public enum CriterionKind { FreeText = 0, Measure = 1, Boundary = 2, CheckInSignal = 3 }

public enum Comparison { Below = 0, AtOrBelow = 1, AtOrAbove = 2, Above = 3 }

/// <summary>The check-in numbers a goal can follow (both 0–10).</summary>
public enum CheckInSignal { Urge = 0, Mood = 1 }

/// <summary>
/// A goal's measurable criterion. Only the fields of its kind are set: a measure ("PHQ-9 below 10 for 4 weeks"),
/// a boundary ("every channel closed by 1 March"), a check-in signal ("urge at or below 4 for 3 weeks"), or none (free text).
/// </summary>
public sealed record GoalCriterion(
    CriterionKind Kind,
    string? Instrument = null,
    CheckInSignal? Signal = null,
    Comparison? Comparison = null,
    int? Threshold = null,
    int? Weeks = null,
    Guid? BoundaryId = null,
    DateOnly? ByDate = null)
{
    public static readonly GoalCriterion FreeText = new(CriterionKind.FreeText);

    public static bool Holds(Comparison comparison, int value, int threshold) => comparison switch
    {
        TreatmentPlans.Comparison.Below => value < threshold,
        TreatmentPlans.Comparison.AtOrBelow => value <= threshold,
        TreatmentPlans.Comparison.AtOrAbove => value >= threshold,
        _ => value > threshold,
    };

    public static string Words(Comparison comparison) => comparison switch
    {
        TreatmentPlans.Comparison.Below => "below",
        TreatmentPlans.Comparison.AtOrBelow => "at or below",
        TreatmentPlans.Comparison.AtOrAbove => "at or above",
        _ => "above",
    };

    /// <summary>The criterion in words for the clinician ("PHQ-9 below 10 for 4 weeks"); a boundary is named by the caller.</summary>
    public string Describe(string? boundaryName = null) => Kind switch
    {
        CriterionKind.Measure => $"{Instrument} {Words(Comparison!.Value)} {Threshold} for {Weeks} {(Weeks == 1 ? "week" : "weeks")}",
        CriterionKind.CheckInSignal => $"{(Signal == CheckInSignal.Mood ? "Mood" : "Urge")} {Words(Comparison!.Value)} {Threshold} for {Weeks} {(Weeks == 1 ? "week" : "weeks")}",
        CriterionKind.Boundary => $"Every channel closed with {boundaryName ?? "the boundary"} by {ByDate:d MMMM yyyy}",
        _ => "Judged in session",
    };
}

/// <summary>One goal of the plan: what the client wants, how it is judged, and by when.</summary>
public sealed record PlanGoal(string Description, GoalCriterion Criterion, DateOnly? TargetDate);
