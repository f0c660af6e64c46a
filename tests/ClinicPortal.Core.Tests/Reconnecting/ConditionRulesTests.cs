using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Tests.BoundaryPlans;

namespace ClinicPortal.Core.Tests.Reconnecting;

public sealed class ConditionRulesTests
{
    private static readonly DateOnly Day = BoundaryRulesTests.Today;
    private static readonly Guid Author = Guid.NewGuid();

    private static BoundaryDetails With(params ConditionItem[] conditions) => BoundaryRulesTests.Plan() with { Conditions = conditions };

    [Fact]
    public void A_condition_marked_met_needs_the_evidence_and_nothing_changes_without_it()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), BoundaryRulesTests.Plan(), Author, BoundaryRulesTests.Now);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            boundary.Revise(With(new ConditionItem("They apologise without excuses.", true, ConditionStatus.Met, Day, "  ")), Author, BoundaryRulesTests.Now));

        Assert.StartsWith(ConditionItem.MetNeedsEvidence, refusal.Message);
        Assert.All(boundary.Conditions, c => Assert.Equal(ConditionStatus.NotYet, c.Status));
        Assert.Equal(1, boundary.RevisionNumber);
    }

    [Fact]
    public void A_status_beyond_not_yet_needs_its_date_and_an_unknown_status_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => Boundary.Check(With(new ConditionItem("They apologise.", true, ConditionStatus.Partly))));
        Assert.Throws<DomainRuleException>(() => Boundary.Check(With(new ConditionItem("They apologise.", true, (ConditionStatus)7, Day))));
        Assert.Throws<DomainRuleException>(() => Boundary.Check(With(new ConditionItem("They apologise.", true, ConditionStatus.Met, Day,
            new string('e', ConditionItem.EvidenceMax + 1)))));
    }

    [Fact]
    public void Progress_on_a_condition_is_a_new_revision_that_keeps_the_status_date_and_evidence()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), BoundaryRulesTests.Plan(), Author, BoundaryRulesTests.Now);
        var updated = With(new ConditionItem("They apologise without excuses.", true, ConditionStatus.Met, Day, " A letter, no excuses in it. "),
            new ConditionItem("A year with no messages through friends.", false, ConditionStatus.Partly, Day.AddDays(-3)));

        var revision = boundary.Revise(updated, Author, BoundaryRulesTests.Now.AddDays(1))!;

        Assert.Equal("Conditions for reconsidering contact: progress updated on 2.", revision.Summary);
        var kept = revision.ReadSnapshot().Conditions;
        Assert.Equal((ConditionStatus.Met, Day, "A letter, no excuses in it."), (kept[0].Status, kept[0].StatusDate!.Value, kept[0].Evidence));
        Assert.Equal(ConditionStatus.Partly, kept[1].Status);
        var item = BoundaryComparison.Between(BoundaryRulesTests.Plan() is var p ? Boundary.Check(p) : null, revision.ReadSnapshot())
            .Lists.Single(l => l.Label.StartsWith("Conditions")).Items[0];
        Assert.Equal((ItemChange.ProgressChanged, "Not yet", "Met, 21 Nov 2026: A letter, no excuses in it."), (item.Change, item.ProgressBefore, item.ProgressAfter));
    }

    [Fact]
    public void Conditions_stored_before_they_had_a_status_read_as_not_yet()
    {
        var snapshot = BoundaryJson.ReadSnapshot(BoundaryJson.Write(Boundary.Check(BoundaryRulesTests.Plan()))
            .Replace("\"Status\":\"NotYet\",", "").Replace(",\"StatusDate\":null,\"Evidence\":null", ""));

        Assert.All(snapshot.Conditions, c => Assert.Equal((ConditionStatus.NotYet, (DateOnly?)null, (string?)null), (c.Status, c.StatusDate, c.Evidence)));
        Assert.Equal(2, snapshot.Conditions.Count);
    }
}
