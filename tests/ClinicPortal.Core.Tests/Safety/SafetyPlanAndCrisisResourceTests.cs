using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class SafetyPlanAndCrisisResourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_safety_plan_needs_at_least_one_step_and_keeps_them_trimmed()
    {
        Assert.Throws<DomainRuleException>(() => SafetyPlan.Create(Guid.NewGuid(), new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.OnMyOwn] = "  " }, [], true, Guid.NewGuid(), Now));

        var plan = SafetyPlan.Create(Guid.NewGuid(), new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.IfTheyMakeContact] = "  Do not reply. " }, [], false, Guid.NewGuid(), Now).Plan;

        Assert.Equal("Do not reply.", plan.Get(SafetyPlanStep.IfTheyMakeContact));
        Assert.False(plan.SharedWithClient);
        Assert.Equal(Enum.GetValues<SafetyPlanStep>(), SafetyPlan.Steps.Select(s => s.Step));
    }

    [Fact]
    public void A_too_long_step_is_refused_with_its_name()
    {
        var refused = Assert.Throws<DomainRuleException>(() => SafetyPlan.Create(Guid.NewGuid(),
            new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.WarningSigns] = new string('x', SafetyPlan.StepMax + 1) }, [], true, Guid.NewGuid(), Now));
        Assert.Equal("Warning signs must be at most 4000 characters.", refused.Message);
    }

    [Theory]
    [InlineData("1-800-799-7233", "tel:18007997233")]
    [InlineData("988", "tel:988")]
    [InlineData("+1 (555) 010-0199", "tel:+15550100199")]
    public void Phone_numbers_become_dialable_links(string phone, string href) =>
        Assert.Equal(href, CrisisResource.Create("Line", phone, null, null, null, 1, true, Now).TelHref);

    [Fact]
    public void Text_numbers_become_sms_links_and_missing_numbers_give_no_link()
    {
        var lifeline = CrisisResource.Create("988 Suicide & Crisis Lifeline", "988", "988", "https://988lifeline.org", null, 2, true, Now);
        var web = CrisisResource.Create("Chat", null, null, "https://example.org/chat", null, 3, true, Now);

        Assert.Equal("sms:988", lifeline.SmsHref);
        Assert.Null(web.TelHref);
        Assert.Null(web.SmsHref);
    }

    [Theory]
    [InlineData("", "911", null, null, "Name is required")]
    [InlineData("Line", null, null, null, "Give a phone number")]
    [InlineData("Line", "call-me", null, null, "Phone may contain only")]
    [InlineData("Line", null, "abc", null, "Text number may contain only")]
    [InlineData("Line", null, null, "javascript:alert(1)", "Website must be a full address")]
    public void Bad_crisis_resources_are_refused(string name, string? phone, string? text, string? url, string message) =>
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => CrisisResource.Create(name, phone, text, url, null, 1, true, Now)).Message);
}
