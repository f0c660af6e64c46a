namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>
/// A signed plan as the client reads it in their space: everyday words, no scores to be judged by, nothing alarming on a
/// phone someone else may glance at.
/// </summary>
public static class PlainWords
{
    /// <summary>How the client and clinician will know a goal is reached, or null when they will talk it over in session.</summary>
    public static string? HowWeWillKnow(GoalCriterion c, string? boundaryPerson) => c.Kind switch
    {
        CriterionKind.Measure => $"Your {c.Instrument} questionnaire score stays {Compared(c)} for {Weeks(c.Weeks)}.",
        CriterionKind.CheckInSignal when c.Signal == CheckInSignal.Mood => $"How you feel in your check-ins stays {Compared(c)} out of 10 for {Weeks(c.Weeks)}.",
        CriterionKind.CheckInSignal => $"The pull to get in touch in your check-ins stays {Compared(c)} out of 10 for {Weeks(c.Weeks)}.",
        CriterionKind.Boundary => $"Every step of your plan with {boundaryPerson ?? "this person"} is done by {c.ByDate:d MMMM yyyy}.",
        _ => null,
    };

    private static string Compared(GoalCriterion c) => $"{GoalCriterion.Words(c.Comparison!.Value)} {c.Threshold}";

    private static string Weeks(int? weeks) => weeks == 1 ? "a week" : $"{weeks} weeks in a row";
}
