using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

/// <summary>A risk contact (may pass news to the other side) can never be named where the client reaches out for help.</summary>
public sealed class SafetyPlanRiskContactTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly string[] Risk = ["Dana", "Uncle Ray"];

    private static SafetyPlan Plan(SafetyPlanStep step, string text) =>
        SafetyPlan.Create(Guid.NewGuid(), new Dictionary<SafetyPlanStep, string?> { [step] = text }, Risk, true, Guid.NewGuid(), Now).Plan;

    [Theory]
    [InlineData(SafetyPlanStep.PeopleToAskForHelp, "My cousin Lee. dana (evenings).", "Dana")]
    [InlineData(SafetyPlanStep.DistractingPeopleAndPlaces, "Coffee with Uncle Ray on Sundays", "Uncle Ray")]
    [InlineData(SafetyPlanStep.ProfessionalsAndCrisisLines, "Dr. Lee, then Dana", "Dana")]
    public void Naming_a_risk_contact_in_a_step_that_names_helpers_is_refused(SafetyPlanStep step, string text, string named)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Plan(step, text));
        Assert.StartsWith($"\"{named}\" is a risk contact in the support network", refused.Message);
        Assert.Contains(SafetyPlan.Steps.Single(s => s.Step == step).Title, refused.Message);
    }

    [Theory]
    [InlineData(SafetyPlanStep.PeopleToAskForHelp, "Danaë from the choir; Rayna")]          // other names that merely start alike
    [InlineData(SafetyPlanStep.IfTheyMakeContact, "If Dana passes on a message, do not reply.")] // naming them as a danger is fine
    [InlineData(SafetyPlanStep.WarningSigns, "Dana mentions him at work.")]
    public void Other_names_and_other_steps_are_not_refused(SafetyPlanStep step, string text) =>
        Assert.Equal(text, Plan(step, text).Get(step));

    [Fact]
    public void An_update_that_names_a_risk_contact_changes_nothing()
    {
        var plan = Plan(SafetyPlanStep.PeopleToAskForHelp, "My cousin Lee");
        Assert.Throws<DomainRuleException>(() => plan.Update(new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.PeopleToAskForHelp] = "Dana" }, Risk, false, Guid.NewGuid(), Now.AddDays(1)));
        Assert.Equal("My cousin Lee", plan.Get(SafetyPlanStep.PeopleToAskForHelp));
        Assert.True(plan.SharedWithClient);
    }
}
