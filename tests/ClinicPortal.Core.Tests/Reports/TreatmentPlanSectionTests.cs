using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.TreatmentPlans;

namespace ClinicPortal.Core.Tests.Reports;

public sealed class TreatmentPlanSectionTests
{
    private static readonly DateOnly Today = ReportFixture.Today;
    private static DateTimeOffset At(DateOnly day) => ReportFixture.At(day);

    /// <summary>Revision 1 signed and acknowledged in the period, revision 2 signed after it; three tasks, one ticked off in the period and unticked after.</summary>
    private static (ReportInputs Inputs, ClientTask Done) Arranged()
    {
        var f = new ReportFixture();
        var clientId = f.Client.Id;
        var context = new PlanContext(new HashSet<string>(), new Dictionary<Guid, string>(), new DateOnly(2026, 6, 5));
        var content = new PlanContent("Low mood since the separation",
            [new PlanGoal("Feel less pulled to reply", new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Comparison: Comparison.AtOrBelow,
                Threshold: 4, Weeks: 3), new DateOnly(2026, 8, 1))], "Weekly sessions", new DateOnly(2026, 9, 1));
        var (plan, first) = TreatmentPlan.Create(clientId, content, context, ReportFixture.Clinician, At(new DateOnly(2026, 6, 5)));
        first.Sign(ReportFixture.Clinician, At(new DateOnly(2026, 6, 5)));
        first.Acknowledge(At(new DateOnly(2026, 6, 6)));
        var second = plan.Revise(content with { Interventions = "Weekly sessions and grounding" }, context with { Today = new DateOnly(2026, 7, 2) },
            ReportFixture.Clinician, At(new DateOnly(2026, 7, 2)))!;
        second.Sign(ReportFixture.Clinician, At(new DateOnly(2026, 7, 2)));

        var day = new DateOnly(2026, 6, 10);
        var done = ClientTask.Give(clientId, "Write three reasons of your own", new DateOnly(2026, 6, 15), ReportFixture.Clinician, At(day), day);
        var late = ClientTask.Give(clientId, "Set a filter for unknown callers", new DateOnly(2026, 6, 20), ReportFixture.Clinician, At(day), day);
        var open = ClientTask.Give(clientId, "Rehearse the script", new DateOnly(2026, 7, 10), ReportFixture.Clinician, At(day), day);
        var ticks = new[] { done.Tick(true, At(new DateOnly(2026, 6, 14)))!, done.Tick(false, At(new DateOnly(2026, 7, 1)))! };
        var inputs = f.Inputs() with { TreatmentPlan = new TreatmentPlanInputs([first, second], [done, late, open], ticks, new Dictionary<Guid, string>()) };
        return (inputs, done);
    }

    [Fact]
    public void The_plan_and_tasks_are_shown_as_they_stood_at_the_end_of_the_period()
    {
        var (inputs, _) = Arranged();

        var section = TreatmentPlanSection.For(inputs, ReportFixture.Period, ReportAudience.Provider);

        Assert.Equal((1, new DateOnly(2026, 6, 5), true, "Weekly sessions"), (section.Revision, section.SignedOn, section.Acknowledged, section.Plan!.Interventions));
        Assert.Equal("Urge at or below 4 for 3 weeks", section.Goals.Single().Measure);
        Assert.Equal((3, 1, 1), (section.Tasks.Given, section.Tasks.Done, section.Tasks.Overdue));
        Assert.Equal(new DateOnly(2026, 6, 14), section.Tasks.Tasks.Single(t => t.Title.StartsWith("Write")).DoneOn);
    }

    [Fact]
    public void The_client_copy_says_it_in_plain_words_and_the_provider_copy_flags_what_is_overdue()
    {
        var (inputs, _) = Arranged();
        ReportDocument Doc(ReportAudience audience) => ReportComposer.Compose(ProgressReportBuilder.Build(inputs,
            ReportOptions.Create(ReportFixture.Period, ReportSections.TreatmentPlan, audience, null), new ReportGeneration(Guid.NewGuid(), At(Today), "Dr. Test Clinician")));

        var client = Doc(ReportAudience.Client).PlainText();
        var provider = Doc(ReportAudience.Provider);

        Assert.Contains("Your plan and tasks between sessions", client);
        Assert.Contains("The pull to get in touch in your check-ins stays at or below 4 out of 10 for 3 weeks in a row.", client);
        Assert.Contains("Not done by their date: 1", client);
        Assert.DoesNotContain("Overdue", client);
        Assert.Contains("Overdue at the end: 1", provider.PlainText());
        var tasks = provider.Blocks.OfType<TableBlock>().Single(t => t.Caption == "Tasks between sessions");
        Assert.Equal([RowMark.None, RowMark.Attention, RowMark.None], tasks.Rows.Select(r => r.Mark));
    }

    [Fact]
    public void Without_a_plan_signed_or_a_task_by_the_end_the_section_is_empty()
    {
        var (inputs, _) = Arranged();
        var early = new ReportPeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 4));

        var section = TreatmentPlanSection.For(inputs, early, ReportAudience.Provider);

        Assert.True(section.IsEmpty);
        Assert.Null(section.Plan);
    }
}
