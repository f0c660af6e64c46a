using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Core.Tests.BoundaryPlans;

namespace ClinicPortal.Core.Tests.Reconnecting;

public sealed class TrialContactRulesTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly DateTimeOffset Now = TrialArrange.Now;

    private static Boundary OpenBoundary(ContactLevel level = ContactLevel.LowContact) =>
        Boundary.Create(Guid.NewGuid(), BoundaryRulesTests.Plan() with { ContactLevel = level, DoorOpen = true }, Author, Now).Boundary;

    private static BoundaryDetails Reconnecting() => BoundaryRulesTests.Plan() with { ContactLevel = ContactLevel.Reconnecting, DoorOpen = true };

    [Fact]
    public void A_move_to_reconnecting_is_refused_without_a_plan_in_force_and_nothing_changes()
    {
        var boundary = OpenBoundary();

        var refusal = Assert.Throws<DomainRuleException>(() => boundary.Revise(Reconnecting(), Author, Now.AddDays(1)));

        Assert.Equal(Boundary.ReconnectingNeedsPlan, refusal.Message);
        Assert.Equal(ContactLevel.LowContact, boundary.ContactLevel);
        Assert.Equal(1, boundary.RevisionNumber);
    }

    [Fact]
    public void A_plan_of_another_boundary_or_one_that_ended_does_not_count()
    {
        var boundary = OpenBoundary();
        var other = TrialArrange.PlanFor(OpenBoundary());

        Assert.Throws<DomainRuleException>(() => boundary.Revise(Reconnecting(), Author, Now, other));
        var endedBoundary = OpenBoundary();
        var endedPlan = TrialArrange.PlanFor(endedBoundary);
        endedBoundary.ReturnToNoContact(endedPlan, new TrialExit(1, null), Author, Now);
        Assert.Throws<DomainRuleException>(() => endedBoundary.Revise(Reconnecting(), Author, Now.AddDays(1), endedPlan));
        Assert.Equal(ContactLevel.NoContact, endedBoundary.ContactLevel);
    }

    [Fact]
    public void With_a_plan_in_force_the_boundary_moves_to_reconnecting()
    {
        var boundary = OpenBoundary();
        var plan = TrialArrange.PlanFor(boundary);

        var revision = boundary.Revise(Reconnecting(), Author, Now.AddDays(1), plan)!;

        Assert.Equal(ContactLevel.Reconnecting, boundary.ContactLevel);
        Assert.Equal(new ContactLevelChange(ContactLevel.LowContact, ContactLevel.Reconnecting), revision.LevelChange());
        Assert.Null(revision.Note);
    }

    [Fact]
    public void A_new_boundary_cannot_start_at_reconnecting()
    {
        Assert.Throws<DomainRuleException>(() => Boundary.Create(Guid.NewGuid(), Reconnecting(), Author, Now));
    }

    [Fact]
    public void While_a_plan_is_in_force_the_return_to_no_contact_goes_through_the_plan()
    {
        var boundary = OpenBoundary();
        var plan = TrialArrange.PlanFor(boundary);
        boundary.Revise(Reconnecting(), Author, Now.AddDays(1), plan);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            boundary.Revise(BoundaryRulesTests.Plan() with { DoorOpen = true }, Author, Now.AddDays(2), plan));

        Assert.Equal(Boundary.ReturnThroughPlan, refusal.Message);
        Assert.Equal(ContactLevel.Reconnecting, boundary.ContactLevel);
    }

    [Fact]
    public void A_return_to_no_contact_records_the_exit_criterion_met_in_the_revision_and_ends_the_plan()
    {
        var boundary = OpenBoundary();
        var plan = TrialArrange.PlanFor(boundary);
        boundary.Revise(Reconnecting(), Author, Now.AddDays(1), plan);

        var revision = boundary.ReturnToNoContact(plan, new TrialExit(2, null), Author, Now.AddDays(9));

        Assert.Equal(ContactLevel.NoContact, boundary.ContactLevel);
        Assert.Equal(3, revision.Number);
        Assert.Equal(ContactLevel.Reconnecting, revision.PreviousContactLevel);
        Assert.Equal($"Trial ended, exit criterion met: \"{TrialArrange.Criteria[1]}\"", revision.Note);
        Assert.Equal(ContactLevel.NoContact, revision.ReadSnapshot().ContactLevel);
        Assert.False(plan.InForce);
        Assert.Equal(TrialArrange.Criteria[1], plan.MetCriterion);
        Assert.Equal(Now.AddDays(9), plan.EndedAt);
    }

    [Fact]
    public void Another_reason_needs_its_words()
    {
        var boundary = OpenBoundary(ContactLevel.LowContact);
        var plan = TrialArrange.PlanFor(boundary);

        Assert.Equal(TrialExit.ChooseOne, Assert.Throws<DomainRuleException>(() =>
            boundary.ReturnToNoContact(plan, new TrialExit(null, "  "), Author, Now)).Message);
        Assert.True(plan.InForce);
        Assert.Equal(ContactLevel.LowContact, boundary.ContactLevel);

        var revision = boundary.ReturnToNoContact(plan, new TrialExit(null, " The support person moved away. "), Author, Now);
        Assert.Equal("Trial ended for another reason: \"The support person moved away.\"", revision.Note);
        Assert.Null(plan.MetCriterion);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_criterion_number_outside_the_plan_is_refused(int number)
    {
        var boundary = OpenBoundary();
        var plan = TrialArrange.PlanFor(boundary);

        Assert.Throws<DomainRuleException>(() => boundary.ReturnToNoContact(plan, new TrialExit(number, null), Author, Now));
        Assert.True(plan.InForce);
        Assert.Equal(1, boundary.RevisionNumber);
    }

    [Fact]
    public void A_risk_contact_cannot_be_on_standby()
    {
        var boundary = OpenBoundary();
        var risk = TrialArrange.Person(boundary.ClientId, "Dana", SupportRole.Risk);

        var refusal = Assert.Throws<DomainRuleException>(() => TrialContactPlan.Create(boundary, TrialArrange.Details(), risk, Author, Now));

        Assert.StartsWith("Dana has the risk role and cannot be the support person on standby", refusal.Message);
    }

    [Fact]
    public void The_standby_person_must_be_in_the_clients_own_network()
    {
        var boundary = OpenBoundary();
        var someoneElses = TrialArrange.Person(Guid.NewGuid());

        Assert.Throws<DomainRuleException>(() => TrialContactPlan.Create(boundary, TrialArrange.Details(), someoneElses, Author, Now));
        Assert.Throws<DomainRuleException>(() => TrialContactPlan.Create(boundary, TrialArrange.Details(), null, Author, Now));
    }

    [Fact]
    public void Exit_criteria_are_required_in_advance()
    {
        var boundary = OpenBoundary();
        var person = TrialArrange.Person(boundary.ClientId);

        var refusal = Assert.Throws<DomainRuleException>(() => TrialContactPlan.Create(boundary, TrialArrange.Details("", "   ", null), person, Author, Now));

        Assert.Equal(TrialContactPlan.NeedsExitCriteria, refusal.Message);
    }

    [Theory]
    [InlineData(null, "Once a week", "Café", 30, "Choose the channel")]
    [InlineData(TrialChannel.Email, " ", "Café", 30, "How often is required")]
    [InlineData(TrialChannel.Email, "Once a week", "", 30, "The first meeting's place is required")]
    [InlineData(TrialChannel.Email, "Once a week", "Café", 2, "Give the first meeting's length")]
    [InlineData(TrialChannel.Email, "Once a week", "Café", null, "Give the first meeting's length")]
    [InlineData((TrialChannel)42, "Once a week", "Café", 30, "Choose the channel")]
    public void Each_part_of_the_plan_is_checked(TrialChannel? channel, string frequency, string place, int? minutes, string message)
    {
        var boundary = OpenBoundary();
        var details = new TrialPlanDetails(channel, frequency, place, minutes, TrialArrange.Criteria);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            TrialContactPlan.Create(boundary, details, TrialArrange.Person(boundary.ClientId), Author, Now));

        Assert.StartsWith(message, refusal.Message);
    }

    [Fact]
    public void Criteria_are_trimmed_blank_rows_dropped_and_duplicates_refused()
    {
        var boundary = OpenBoundary();
        var person = TrialArrange.Person(boundary.ClientId);

        var plan = TrialContactPlan.Create(boundary, TrialArrange.Details(" He shouts. ", "", "He asks for money."), person, Author, Now);

        Assert.Equal(["He shouts.", "He asks for money."], plan.ExitCriteria);
        Assert.Throws<DomainRuleException>(() => plan.Update(TrialArrange.Details("He shouts.", "he shouts."), person, Now));
        Assert.Equal(["He shouts.", "He asks for money."], plan.ExitCriteria);
    }

    [Fact]
    public void An_ended_plan_is_kept_as_it_was()
    {
        var boundary = OpenBoundary();
        var person = TrialArrange.Person(boundary.ClientId);
        var plan = TrialContactPlan.Create(boundary, TrialArrange.Details(), person, Author, Now);
        boundary.ReturnToNoContact(plan, new TrialExit(1, null), Author, Now);

        Assert.Throws<DomainRuleException>(() => plan.Update(TrialArrange.Details("Something new."), person, Now));
        Assert.Throws<DomainRuleException>(() => boundary.ReturnToNoContact(plan, new TrialExit(1, null), Author, Now));
    }
}
