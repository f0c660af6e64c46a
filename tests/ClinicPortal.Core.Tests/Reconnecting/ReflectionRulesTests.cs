using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.Tests.BoundaryPlans;

namespace ClinicPortal.Core.Tests.Reconnecting;

public sealed class ReflectionRulesTests
{
    private static readonly DateTimeOffset Now = TrialArrange.Now;

    private static Boundary BoundaryWithDoor(bool open) =>
        Boundary.Create(Guid.NewGuid(), BoundaryRulesTests.Plan() with { DoorOpen = open }, Guid.NewGuid(), Now).Boundary;

    [Fact]
    public void A_reflection_keeps_the_answers_given_trimmed_in_question_order_with_its_date()
    {
        var boundary = BoundaryWithDoor(true);

        var reflection = ReadinessReflection.Create(boundary, boundary.ClientId,
            [new(ReadinessQuestion.WontAccept, " Shouting. "), new(ReadinessQuestion.Resentment, "Mostly."), new(ReadinessQuestion.WhyNow, "  ")], Now);

        Assert.Equal([(ReadinessQuestion.Resentment, "Mostly."), (ReadinessQuestion.WontAccept, "Shouting.")],
            reflection.Answers.Select(a => (a.Question, a.Text)));
        Assert.Equal(Now, reflection.CreatedAt);
        Assert.Null(reflection.ReviewedAt);
    }

    [Fact]
    public void A_reflection_with_no_answer_is_refused()
    {
        var boundary = BoundaryWithDoor(true);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            ReadinessReflection.Create(boundary, boundary.ClientId, [new(ReadinessQuestion.Resentment, " ")], Now));

        Assert.Equal(ReflectionAnswers.NeedsOneAnswer, refusal.Message);
    }

    [Fact]
    public void A_reflection_is_about_one_of_the_clients_own_boundaries_with_the_door_open()
    {
        var closed = BoundaryWithDoor(false);
        var open = BoundaryWithDoor(true);
        var answers = new ReflectionAnswer<ReadinessQuestion>[] { new(ReadinessQuestion.Expectations, "None.") };

        Assert.Throws<DomainRuleException>(() => ReadinessReflection.Create(closed, closed.ClientId, answers, Now));
        Assert.Throws<DomainRuleException>(() => ReadinessReflection.Create(open, Guid.NewGuid(), answers, Now));
        Assert.Throws<DomainRuleException>(() => ReadinessReflection.Create(null, open.ClientId, answers, Now));
    }

    [Fact]
    public void An_unknown_question_or_an_answer_too_long_is_refused()
    {
        var boundary = BoundaryWithDoor(true);

        Assert.Throws<DomainRuleException>(() => ReadinessReflection.Create(boundary, boundary.ClientId, [new((ReadinessQuestion)99, "x")], Now));
        Assert.Throws<DomainRuleException>(() => ReadinessReflection.Create(boundary, boundary.ClientId,
            [new(ReadinessQuestion.WillAccept, new string('a', ReflectionAnswers.AnswerMax + 1))], Now));
    }

    [Fact]
    public void Marking_reviewed_records_who_and_when_once()
    {
        var boundary = BoundaryWithDoor(true);
        var clinician = Guid.NewGuid();
        var reflection = ReadinessReflection.Create(boundary, boundary.ClientId, [new(ReadinessQuestion.WhyNow, "He apologised.")], Now);

        reflection.MarkReviewed(clinician, Now.AddDays(2));

        Assert.Equal((Now.AddDays(2), clinician), (reflection.ReviewedAt!.Value, reflection.ReviewedById!.Value));
        Assert.Throws<DomainRuleException>(() => reflection.MarkReviewed(Guid.NewGuid(), Now.AddDays(3)));
        Assert.Equal(clinician, reflection.ReviewedById);
    }

    [Fact]
    public void A_debrief_is_offered_only_after_the_trial_ended()
    {
        var boundary = Boundary.Create(Guid.NewGuid(), BoundaryRulesTests.Plan() with { ContactLevel = ContactLevel.LowContact, DoorOpen = true },
            Guid.NewGuid(), Now).Boundary;
        var plan = TrialArrange.PlanFor(boundary);
        ReflectionAnswer<DebriefQuestion>[] answers = [new(DebriefQuestion.HowItFelt, "Relieved, then sad.")];

        Assert.Throws<DomainRuleException>(() => TrialDebrief.Answer(plan, answers, Now));
        boundary.ReturnToNoContact(plan, new TrialExit(1, null), Guid.NewGuid(), Now);

        var debrief = TrialDebrief.Answer(plan, answers, Now.AddDays(1));
        var skipped = TrialDebrief.Skip(plan, Now.AddDays(1));

        Assert.Equal((plan.Id, boundary.ClientId, false), (debrief.PlanId, debrief.ClientId, debrief.Skipped));
        Assert.Equal("Relieved, then sad.", Assert.Single(debrief.Answers).Text);
        Assert.True(skipped.Skipped);
        Assert.Empty(skipped.Answers);
        Assert.Throws<DomainRuleException>(() => TrialDebrief.Answer(plan, [new(DebriefQuestion.WhatHelped, "")], Now));
    }
}
