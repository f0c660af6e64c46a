using ClinicPortal.Core.Common;
using ClinicPortal.Core.TreatmentPlans;

namespace ClinicPortal.Core.Tests.TreatmentPlans;

public sealed class TreatmentPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Morgan = Guid.NewGuid(), Boundary = Guid.NewGuid();

    private static readonly PlanContext Context = new(new HashSet<string> { "PHQ-9" }, new Dictionary<Guid, string> { [Boundary] = "Alex" }, Today);

    private static PlanGoal Goal(string description = "Fewer evenings spent re-reading old messages", DateOnly? target = null, GoalCriterion? criterion = null) =>
        new(description, criterion ?? GoalCriterion.FreeText, target ?? Today.AddDays(30));

    private static PlanContent Content(params PlanGoal[] goals) =>
        new("Low mood and intrusive contact since the separation", goals.Length == 0 ? [Goal()] : goals, "Weekly CBT", Today.AddDays(60));

    [Fact]
    public void Creating_a_plan_is_revision_one_a_draft_with_its_content()
    {
        var (plan, revision) = TreatmentPlan.Create(Guid.NewGuid(), Content(), Context, Morgan, Now);

        Assert.Equal((1, 1, plan.Id, plan.ClientId, Morgan, Now), (plan.RevisionNumber, revision.Number, revision.PlanId, revision.ClientId, revision.AuthorId, revision.CreatedAt));
        Assert.False(revision.IsSigned);
        Assert.Equal("Created with 1 goal.", revision.Summary);
        Assert.True(revision.Content().SameAs(plan.Content()));
    }

    [Fact]
    public void Each_change_is_a_new_revision_saying_what_changed_and_saving_unchanged_adds_none()
    {
        var (plan, _) = TreatmentPlan.Create(Guid.NewGuid(), Content(), Context, Morgan, Now);

        Assert.Null(plan.Revise(Content(), Context, Morgan, Now.AddHours(1)));
        var second = plan.Revise(Content(Goal(), Goal("Close every channel", criterion: new GoalCriterion(CriterionKind.Boundary, BoundaryId: Boundary, ByDate: Today.AddDays(20)))),
            Context, Morgan, Now.AddHours(2));

        Assert.NotNull(second);
        Assert.Equal((2, 2), (second.Number, plan.RevisionNumber));
        Assert.Equal("1 goal added or changed.", second.Summary);
        Assert.Equal(2, second.Content().Goals.Count);
    }

    [Fact]
    public void Signing_twice_is_refused_and_editing_a_signed_plan_makes_a_new_draft()
    {
        var (plan, first) = TreatmentPlan.Create(Guid.NewGuid(), Content(), Context, Morgan, Now);
        first.Sign(Morgan, Now.AddMinutes(5));

        var twice = Assert.Throws<DomainRuleException>(() => first.Sign(Morgan, Now.AddMinutes(6)));
        Assert.Contains("already signed", twice.Message);
        Assert.Equal(Now.AddMinutes(5), first.SignedAt);

        var draft = plan.Revise(Content() with { Interventions = "Weekly CBT and grounding skills" }, Context, Morgan, Now.AddDays(1))!;
        Assert.False(draft.IsSigned);
        Assert.True(first.IsSigned);
        Assert.Equal("Interventions changed.", draft.Summary);
    }

    [Fact]
    public void Acknowledging_a_signed_plan_twice_keeps_the_first_time()
    {
        var (_, revision) = TreatmentPlan.Create(Guid.NewGuid(), Content(), Context, Morgan, Now);
        Assert.Throws<DomainRuleException>(() => revision.Acknowledge(Now));
        revision.Sign(Morgan, Now);

        Assert.True(revision.Acknowledge(Now.AddHours(3)));
        Assert.False(revision.Acknowledge(Now.AddHours(4)));
        Assert.Equal(Now.AddHours(3), revision.AcknowledgedAt);
    }

    public static TheoryData<string, PlanContent> Refused => new()
    {
        { "Presenting problems is required.", Content() with { PresentingProblems = " " } },
        { "Add at least one goal.", Content() with { Goals = [] } },
        { "Goal 2's description is required.", Content(Goal(), Goal("  ")) },
        { "Goal 1's target date is in the past", Content(Goal(target: Today.AddDays(-1))) },
        { "The review date is in the past", Content() with { ReviewDate = Today.AddDays(-1) } },
        { "Goal 1: choose one of this client's boundaries.", Content(Goal(criterion: new GoalCriterion(CriterionKind.Boundary, BoundaryId: Guid.NewGuid(), ByDate: Today))) },
        { "Goal 1: the GAD-7 has not been given to this client.", Content(Goal(criterion: new GoalCriterion(CriterionKind.Measure, Instrument: "GAD-7", Comparison: Comparison.Below, Threshold: 5, Weeks: 4))) },
        { "Goal 1: choose a questionnaire", Content(Goal(criterion: new GoalCriterion(CriterionKind.Measure, Instrument: "BDI", Comparison: Comparison.Below, Threshold: 5, Weeks: 4))) },
        { "Goal 1: the threshold must be a PHQ-9 score from 0 to 27.", Content(Goal(criterion: new GoalCriterion(CriterionKind.Measure, Instrument: "PHQ-9", Comparison: Comparison.Below, Threshold: 28, Weeks: 4))) },
        { "Goal 1: the threshold must be a check-in number from 0 to 10.", Content(Goal(criterion: new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Comparison: Comparison.Below, Threshold: 11, Weeks: 2))) },
        { "Goal 1: the number of weeks must be from 1 to 52.", Content(Goal(criterion: new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Comparison: Comparison.Below, Threshold: 4, Weeks: 0))) },
        { "Goal 1: choose a comparison", Content(Goal(criterion: new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Threshold: 4, Weeks: 2))) },
        { "Goal 1: choose how the goal is measured.", Content(Goal(criterion: new GoalCriterion((CriterionKind)9))) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_content_is_refused_with_a_message_and_changes_nothing(string message, PlanContent content)
    {
        var (plan, _) = TreatmentPlan.Create(Guid.NewGuid(), Content(), Context, Morgan, Now);
        var before = plan.Content();

        Assert.StartsWith(message, Assert.Throws<DomainRuleException>(() => plan.Revise(content, Context, Morgan, Now.AddHours(1))).Message);
        Assert.True(plan.Content().SameAs(before));
        Assert.Equal(1, plan.RevisionNumber);
    }

    [Fact]
    public void A_measure_the_client_was_given_is_accepted_with_only_its_own_fields()
    {
        var criterion = new GoalCriterion(CriterionKind.Measure, Instrument: "PHQ-9", Signal: CheckInSignal.Mood, Comparison: Comparison.Below, Threshold: 10, Weeks: 4,
            BoundaryId: Boundary);
        var (plan, _) = TreatmentPlan.Create(Guid.NewGuid(), Content(Goal(criterion: criterion)), Context, Morgan, Now);

        Assert.Equal(new GoalCriterion(CriterionKind.Measure, Instrument: "PHQ-9", Comparison: Comparison.Below, Threshold: 10, Weeks: 4), plan.Content().Goals[0].Criterion);
        Assert.Equal("PHQ-9 below 10 for 4 weeks", plan.Content().Goals[0].Criterion.Describe());
    }

    [Fact]
    public void A_target_date_saved_before_may_have_passed_since()
    {
        var (plan, _) = TreatmentPlan.Create(Guid.NewGuid(), Content(Goal(target: Today.AddDays(1))), Context, Morgan, Now);
        var later = Context with { Today = Today.AddDays(10) };

        var revision = plan.Revise(Content(Goal(target: Today.AddDays(1))) with { ReviewDate = Today.AddDays(70) }, later, Morgan, Now.AddDays(10));

        Assert.NotNull(revision);
        Assert.Equal(Today.AddDays(1), plan.Content().Goals[0].TargetDate);
        Assert.True(plan.IsReviewOverdue(Today.AddDays(71)));
        Assert.False(plan.IsReviewOverdue(Today.AddDays(70)));
    }

    [Fact]
    public void The_client_reads_each_criterion_in_plain_words()
    {
        Assert.Equal("The pull to get in touch in your check-ins stays at or below 4 out of 10 for 3 weeks in a row.",
            PlainWords.HowWeWillKnow(new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Comparison: Comparison.AtOrBelow, Threshold: 4, Weeks: 3), null));
        Assert.Equal("Every step of your plan with Alex is done by 1 March 2026.",
            PlainWords.HowWeWillKnow(new GoalCriterion(CriterionKind.Boundary, BoundaryId: Boundary, ByDate: new DateOnly(2026, 3, 1)), "Alex"));
        Assert.Null(PlainWords.HowWeWillKnow(GoalCriterion.FreeText, null));
    }
}
