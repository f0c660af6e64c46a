using System.Text.Json;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>What a treatment plan says: the presenting problems, the goals, the interventions and when to review it.</summary>
public sealed record PlanContent(string PresentingProblems, IReadOnlyList<PlanGoal> Goals, string? Interventions, DateOnly? ReviewDate)
{
    public const int TextMax = 4000, GoalMax = 500, GoalsMax = 12, WeeksMax = 52;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static PlanContent FromJson(string json) => JsonSerializer.Deserialize<PlanContent>(json)
        ?? throw new InvalidOperationException("An empty treatment plan snapshot.");

    public static string GoalsToJson(IReadOnlyList<PlanGoal> goals) => JsonSerializer.Serialize(goals);

    public static IReadOnlyList<PlanGoal> GoalsFromJson(string json) => JsonSerializer.Deserialize<List<PlanGoal>>(json) ?? [];

    public bool SameAs(PlanContent other) => ToJson() == other.ToJson();
}

/// <summary>What the plan's goals are checked against: the questionnaires the client has been given and the client's own boundaries.</summary>
public sealed record PlanContext(IReadOnlySet<string> GivenInstruments, IReadOnlyDictionary<Guid, string> Boundaries, DateOnly Today);

/// <summary>The rules a plan's content must meet before it is saved; every refusal names the goal by its number.</summary>
public static class PlanRules
{
    /// <param name="before">The content saved last: a target or review date already saved may have passed since; a new one may not be in the past.</param>
    public static PlanContent Check(PlanContent content, PlanContext context, PlanContent? before)
    {
        var problems = Guard.Required(content.PresentingProblems, "Presenting problems", PlanContent.TextMax);
        var interventions = Guard.Optional(content.Interventions, "Interventions", PlanContent.TextMax);
        if (content.Goals.Count == 0) throw new DomainRuleException("Add at least one goal.");
        if (content.Goals.Count > PlanContent.GoalsMax) throw new DomainRuleException($"A plan holds at most {PlanContent.GoalsMax} goals.");
        if (content.ReviewDate is { } review && review < context.Today && review != before?.ReviewDate)
            throw new DomainRuleException("The review date is in the past. Choose today or a later date.");
        var goals = content.Goals.Select((g, i) => CheckGoal(g, i + 1, context, before)).ToList();
        return new PlanContent(problems, goals, interventions, content.ReviewDate);
    }

    private static PlanGoal CheckGoal(PlanGoal goal, int number, PlanContext context, PlanContent? before)
    {
        var description = Guard.Required(goal.Description, $"Goal {number}'s description", PlanContent.GoalMax);
        var saved = before?.Goals.Any(g => g.Description == description && g.TargetDate == goal.TargetDate) == true;
        if (goal.TargetDate is { } target && target < context.Today && !saved)
            throw new DomainRuleException($"Goal {number}'s target date is in the past. Choose today or a later date.");
        return new PlanGoal(description, CheckCriterion(goal.Criterion, number, context), goal.TargetDate);
    }

    private static GoalCriterion CheckCriterion(GoalCriterion c, int number, PlanContext context)
    {
        switch (c.Kind)
        {
            case CriterionKind.Measure:
                if (c.Instrument is not { } code || !MeasureInstruments.MaxTotal.TryGetValue(code, out var max))
                    throw new DomainRuleException($"Goal {number}: choose a questionnaire ({string.Join(", ", MeasureInstruments.Codes)}).");
                if (!context.GivenInstruments.Contains(code))
                    throw new DomainRuleException($"Goal {number}: the {code} has not been given to this client. Give it first, or choose another criterion.");
                var (comparison, threshold, weeks) = Sustained(c, number, 0, max, $"a {code} score");
                return new GoalCriterion(CriterionKind.Measure, Instrument: code, Comparison: comparison, Threshold: threshold, Weeks: weeks);
            case CriterionKind.CheckInSignal:
                if (c.Signal is not { } signal || !Enum.IsDefined(signal))
                    throw new DomainRuleException($"Goal {number}: choose the check-in number to follow (urge or mood).");
                var (cmp, value, span) = Sustained(c, number, CheckIns.CheckIn.ScaleMin, CheckIns.CheckIn.ScaleMax, "a check-in number");
                return new GoalCriterion(CriterionKind.CheckInSignal, Signal: signal, Comparison: cmp, Threshold: value, Weeks: span);
            case CriterionKind.Boundary:
                if (c.BoundaryId is not { } id || !context.Boundaries.ContainsKey(id))
                    throw new DomainRuleException($"Goal {number}: choose one of this client's boundaries.");
                if (c.ByDate is not { } by) throw new DomainRuleException($"Goal {number}: choose the date by which every channel should be closed.");
                return new GoalCriterion(CriterionKind.Boundary, BoundaryId: id, ByDate: by);
            case CriterionKind.FreeText:
                return GoalCriterion.FreeText;
            default:
                throw new DomainRuleException($"Goal {number}: choose how the goal is measured.");
        }
    }

    private static (Comparison, int, int) Sustained(GoalCriterion c, int number, int min, int max, string what)
    {
        if (c.Comparison is not { } comparison || !Enum.IsDefined(comparison))
            throw new DomainRuleException($"Goal {number}: choose a comparison (below, at or below, at or above, above).");
        if (c.Threshold is not { } threshold || threshold < min || threshold > max)
            throw new DomainRuleException($"Goal {number}: the threshold must be {what} from {min} to {max}.");
        if (c.Weeks is not { } weeks || weeks < 1 || weeks > PlanContent.WeeksMax)
            throw new DomainRuleException($"Goal {number}: the number of weeks must be from 1 to {PlanContent.WeeksMax}.");
        return (comparison, threshold, weeks);
    }
}
