using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class SafetyPlanRevisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Morgan = Guid.NewGuid(), Riley = Guid.NewGuid();

    private static Dictionary<SafetyPlanStep, string?> Steps(string? signs, string? reasons = "My dog") =>
        new() { [SafetyPlanStep.WarningSigns] = signs, [SafetyPlanStep.ReasonsToKeepGoing] = reasons };

    [Fact]
    public void Creating_a_plan_is_revision_one_with_its_steps_author_and_time()
    {
        var (plan, revision) = SafetyPlan.Create(Guid.NewGuid(), Steps("Not sleeping"), [], true, Morgan, Now);

        Assert.Equal((1, 1, plan.Id, plan.ClientId, Morgan, Now, true), (plan.RevisionNumber, revision.Number, revision.PlanId, revision.ClientId,
            revision.AuthorId, revision.CreatedAt, revision.SharedWithClient));
        Assert.Equal("Created with Warning signs, My reasons to keep going; shared with the client.", revision.Summary);
        Assert.Equal("Not sleeping", revision.ReadSteps()[SafetyPlanStep.WarningSigns]);
        Assert.Null(revision.ReadSteps()[SafetyPlanStep.OnMyOwn]);
    }

    [Fact]
    public void A_change_is_a_new_revision_that_says_what_changed_and_keeps_the_earlier_state()
    {
        var (plan, first) = SafetyPlan.Create(Guid.NewGuid(), Steps("Not sleeping"), [], true, Morgan, Now);

        var second = plan.Update(new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.WarningSigns] = "Pacing", [SafetyPlanStep.OnMyOwn] = "A walk" },
            [], false, Riley, Now.AddDays(1));

        Assert.NotNull(second);
        Assert.Equal((2, 2, Riley, false), (plan.RevisionNumber, second.Number, second.AuthorId, second.SharedWithClient));
        Assert.Equal("Warning signs changed; Things I can do on my own added; My reasons to keep going cleared; no longer shared with the client.", second.Summary);
        Assert.Equal("Pacing", second.ReadSteps()[SafetyPlanStep.WarningSigns]);
        Assert.Equal("Not sleeping", first.ReadSteps()[SafetyPlanStep.WarningSigns]);
    }

    [Fact]
    public void Saving_the_same_plan_again_is_no_revision()
    {
        var (plan, _) = SafetyPlan.Create(Guid.NewGuid(), Steps("Not sleeping"), [], true, Morgan, Now);

        Assert.Null(plan.Update(Steps(" Not sleeping "), [], true, Riley, Now.AddDays(1)));
        Assert.Equal((1, Morgan, Now), (plan.RevisionNumber, plan.UpdatedById, plan.UpdatedAt));
    }
}
