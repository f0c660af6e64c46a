using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.CheckIns;

public sealed class OwnReasonsTests
{
    private static readonly Guid ClientId = Guid.NewGuid(), ClinicianId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);

    private static Boundary NewBoundary() => Boundary.Create(ClientId, new BoundaryDetails("Mother", RelationshipType.Parent, ContactLevel.NoContact, false,
        null, [], [new("Clinician's reason", false)], [], null, null, null, null, []), ClinicianId, Now.AddDays(-3)).Boundary;

    [Fact]
    public void A_check_in_keeps_the_clients_own_reason_trimmed_and_refuses_a_long_one()
    {
        var answers = new CheckInAnswers(5, 4, null, false, null, null, false, [], null, false, OwnReason: "  I sleep better  ");
        Assert.Equal("I sleep better", CheckIn.Record(ClientId, answers, SelfCareChecklist.DefaultItems, Now).CheckIn.OwnReason);
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, answers with { OwnReason = new string('r', OwnReasons.Max + 1) }, SelfCareChecklist.DefaultItems, Now));
    }

    [Fact]
    public void Adding_the_reason_to_the_plan_is_a_revision_with_the_reason_shared_with_the_client()
    {
        var boundary = NewBoundary();
        var revision = OwnReasons.AddToPlan(boundary, " I sleep better ", ClinicianId, Now);

        Assert.Equal(2, revision.Number);
        Assert.Equal([new PlanItem("Clinician's reason", false), new PlanItem("I sleep better", true)], boundary.Reasons);
    }

    [Fact]
    public void A_reason_already_on_the_plan_or_no_reason_is_refused_and_nothing_changes()
    {
        var boundary = NewBoundary();
        Assert.Equal(OwnReasons.AlreadyMessage, Assert.Throws<DomainRuleException>(() => OwnReasons.AddToPlan(boundary, " clinician's REASON", ClinicianId, Now)).Message);
        Assert.Equal(OwnReasons.NoneMessage, Assert.Throws<DomainRuleException>(() => OwnReasons.AddToPlan(boundary, " ", ClinicianId, Now)).Message);
        Assert.Equal(1, boundary.RevisionNumber);
    }
}
