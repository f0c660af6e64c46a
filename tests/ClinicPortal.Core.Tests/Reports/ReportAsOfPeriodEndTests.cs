using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Tests.Reports;

/// <summary>A report shows every value as it stood at the end of its period, whatever was changed since.</summary>
public sealed class ReportAsOfPeriodEndTests
{
    private static readonly DateOnly After = ReportFixture.Today.AddDays(3);

    [Fact]
    public void Support_roles_are_the_ones_people_had_at_the_end_of_the_period()
    {
        var f = new ReportFixture()
            .Person("Sam Supporter", SupportRole.Supportive)
            .Person("Nia Neutral", SupportRole.MutualNeutral)
            .RoleChange("Nia Neutral", SupportRole.Risk, new DateOnly(2026, 6, 10))
            .RoleChange("Sam Supporter", SupportRole.Risk, After);

        var support = f.Build().Support!;
        var now = f.Build(period: new ReportPeriod(ReportFixture.Period.Start, After)).Support!;

        Assert.Equal((1, 0, 1), (support.Supportive, support.MutualNeutral, support.Risk)); // Sam still supportive then, Nia already risk
        Assert.Equal((0, 0, 2), (now.Supportive, now.MutualNeutral, now.Risk));
        Assert.Empty(now.CrisisContacts);
    }

    [Fact]
    public void The_safety_plan_is_its_last_revision_saved_by_the_end_of_the_period()
    {
        var f = new ReportFixture().SafetyPlan((new DateOnly(2026, 5, 1), "Not sleeping", true), (new DateOnly(2026, 6, 20), "Pacing", true),
            (After, "Pacing", false));

        Assert.Equal(new SafetyPlanAtEnd(2, new DateOnly(2026, 6, 20), true, 1), f.Build().Safety!.Plan);
        Assert.Null(f.Build(period: new ReportPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30))).Safety!.Plan);
        Assert.Contains(ReportComposer.Compose(f.Build()).Blocks.OfType<KeyValueBlock>().SelectMany(b => b.Items),
            i => i.Key == "Safety plan at the end of the period" && i.Value.StartsWith("Revision 2, saved ", StringComparison.Ordinal) && i.Value.EndsWith("shared with the client", StringComparison.Ordinal));
    }

    [Fact]
    public void Boundaries_show_the_contact_level_at_the_end_of_the_period()
    {
        var f = new ReportFixture().Boundary("Mother", (new DateOnly(2026, 3, 1), ContactLevel.LowContact), (After, ContactLevel.NoContact));

        Assert.Equal(ContactLevel.LowContact, Assert.Single(f.Build().Boundaries!.Boundaries).LevelAtEnd);
    }
}
