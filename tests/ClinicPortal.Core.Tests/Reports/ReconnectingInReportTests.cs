using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Tests.Reconnecting;

namespace ClinicPortal.Core.Tests.Reports;

/// <summary>The way back into contact in the progress report: conditions as they stood at the period end, and why a trial ended.</summary>
public sealed class ReconnectingInReportTests
{
    private static readonly ConditionItem Apology = new("She apologises without excuses.", true);

    private static BoundaryDetails Mother(ContactLevel level, ConditionStatus status, DateOnly? since = null, string? evidence = null) =>
        new("Mother", RelationshipType.Parent, level, true, HowTold.Letter, [], [new("A reason", true)],
            [Apology with { Status = status, StatusDate = since, Evidence = evidence }], null, null, null, null, []);

    [Fact]
    public void Conditions_show_their_status_at_the_end_of_the_period_and_a_return_to_no_contact_names_the_exit_criterion()
    {
        var f = new ReportFixture();
        var (boundary, first) = Boundary.Create(f.Client.Id, Mother(ContactLevel.LowContact, ConditionStatus.NotYet), ReportFixture.Clinician,
            ReportFixture.At(new DateOnly(2026, 3, 1)));
        f.Revisions.Add(first);
        f.Revisions.Add(boundary.Revise(Mother(ContactLevel.LowContact, ConditionStatus.Partly, new DateOnly(2026, 6, 5), "One letter."),
            ReportFixture.Clinician, ReportFixture.At(new DateOnly(2026, 6, 5)))!);
        var plan = TrialArrange.PlanFor(boundary, ReportFixture.At(new DateOnly(2026, 6, 8)));
        f.Revisions.Add(boundary.Revise(Mother(ContactLevel.Reconnecting, ConditionStatus.Partly, new DateOnly(2026, 6, 5), "One letter."),
            ReportFixture.Clinician, ReportFixture.At(new DateOnly(2026, 6, 10)), plan)!);
        f.Revisions.Add(boundary.ReturnToNoContact(plan, new TrialExit(1, null), ReportFixture.Clinician, ReportFixture.At(new DateOnly(2026, 6, 20))));
        // After the period: marked met. The report must still show "partly".
        f.Revisions.Add(boundary.Revise(Mother(ContactLevel.NoContact, ConditionStatus.Met, new DateOnly(2026, 7, 4), "A second letter."),
            ReportFixture.Clinician, ReportFixture.At(new DateOnly(2026, 7, 4)))!);

        var line = Assert.Single(f.Build().Boundaries!.Boundaries);

        var condition = Assert.Single(line.ConditionsAtEnd);
        Assert.Equal((ConditionStatus.Partly, "One letter."), (condition.Status, condition.Evidence));
        Assert.Equal([null, $"Trial ended, exit criterion met: \"{TrialArrange.Criteria[0]}\""], line.ChangesInPeriod.Select(c => c.Note));

        var blocks = ReportComposer.Compose(f.Build()).Blocks.OfType<TableBlock>().ToList();
        var changes = blocks.Single(t => t.Caption == "Boundaries").Rows.Single().Cells[4];
        Assert.Contains($"Returned to no contact (was reconnecting). Trial ended, exit criterion met: \"{TrialArrange.Criteria[0]}\"", changes);
        var conditions = blocks.Single(t => t.Caption.StartsWith("Conditions for reconsidering contact"));
        Assert.Equal(["Mother", Apology.Text, "Partly since 5 Jun 2026", "One letter."], Assert.Single(conditions.Rows).Cells);
    }

    [Fact]
    public void The_clients_copy_shows_only_the_conditions_shared_with_them()
    {
        var f = new ReportFixture();
        var details = Mother(ContactLevel.LowContact, ConditionStatus.NotYet) with { Conditions = [Apology, new ConditionItem("PRIVATE condition", false)] };
        f.Revisions.Add(Boundary.Create(f.Client.Id, details, ReportFixture.Clinician, ReportFixture.At(new DateOnly(2026, 6, 2))).Revision);

        Assert.Equal([Apology.Text], Assert.Single(f.Build(ReportAudience.Client).Boundaries!.Boundaries).ConditionsAtEnd.Select(c => c.Text));
        Assert.Equal(2, Assert.Single(f.Build(ReportAudience.Provider).Boundaries!.Boundaries).ConditionsAtEnd.Count);
    }

    [Fact]
    public void A_report_without_conditions_has_no_conditions_table()
    {
        var f = new ReportFixture().Boundary("Brother", (new DateOnly(2026, 6, 15), ContactLevel.NoContact));

        Assert.DoesNotContain(ReportComposer.Compose(f.Build()).Blocks.OfType<TableBlock>(), t => t.Caption.StartsWith("Conditions"));
    }
}
