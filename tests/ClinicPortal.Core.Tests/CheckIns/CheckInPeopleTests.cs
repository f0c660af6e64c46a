using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.CheckIns;

/// <summary>Feelings, looking them up, and answers per person: what a check-in keeps and what it refuses.</summary>
public sealed class CheckInPeopleTests
{
    private static readonly Guid ClientId = Guid.NewGuid(), Mother = Guid.NewGuid(), Aunt = Guid.NewGuid();
    private static readonly Guid[] Plan = [Mother, Aunt];
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<string> Options = SelfCareChecklist.DefaultItems;

    private static CheckInAnswers Answers(string[]? emotions = null, bool lookedUp = false, PersonAnswers[]? people = null,
        bool attempted = false, string? channel = null) =>
        new(5, 4, null, attempted, channel, null, false, [], null, false, emotions, lookedUp, people);

    [Fact]
    public void Feelings_are_kept_each_once_in_the_lists_order_whatever_the_case()
    {
        var c = CheckIn.Record(ClientId, Answers(emotions: ["hope", "Grief", " relief ", "GRIEF", ""]), Options, Now).CheckIn;
        Assert.Equal([EmotionTag.Relief, EmotionTag.Grief, EmotionTag.Hope], c.Emotions);
    }

    [Theory]
    [InlineData("Jealousy")]
    [InlineData("2")]
    public void An_unknown_feeling_is_refused_with_a_message(string tag)
    {
        var e = Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(emotions: ["Grief", tag]), Options, Now));
        Assert.Equal(EmotionTags.UnknownMessage, e.Message);
    }

    [Fact]
    public void Looking_them_up_is_kept_apart_from_getting_in_touch()
    {
        var c = CheckIn.Record(ClientId, Answers(lookedUp: true), Options, Now).CheckIn;
        Assert.True(c.LookedThemUp);
        Assert.False(c.BrokeContact);
        Assert.False(c.ContactAttempted);
    }

    [Fact]
    public void Answers_per_person_become_rows_and_the_check_ins_flags_say_about_anyone()
    {
        var recorded = CheckIn.Record(ClientId, Answers(channel: "Text", people:
        [
            new(Mother, 7, ContactAttempted: true, GotInTouch: false, LookedUp: false),
            new(Aunt, null, ContactAttempted: false, GotInTouch: true, LookedUp: true),
        ]), Options, Now, Plan);

        var c = recorded.CheckIn;
        Assert.Equal((true, true, true, ContactChannel.Text), (c.ContactAttempted, c.BrokeContact, c.LookedThemUp, c.Channel));
        Assert.True(recorded.ReportsContactAttempt);
        Assert.Equal(2, recorded.People.Count);
        var mother = recorded.People.Single(p => p.BoundaryId == Mother);
        Assert.Equal((c.Id, ClientId, 7, true, false, false), (mother.CheckInId, mother.ClientId, mother.Urge, mother.ContactAttempted, mother.GotInTouch, mother.LookedUp));
    }

    [Fact]
    public void A_person_left_unanswered_is_not_stored()
    {
        var recorded = CheckIn.Record(ClientId, Answers(people: [new(Mother, null, false, false, false), new(Aunt, 0, false, false, false)]), Options, Now, Plan);
        Assert.Equal([Aunt], recorded.People.Select(p => p.BoundaryId));
        Assert.False(recorded.CheckIn.ContactAttempted);
    }

    [Fact]
    public void A_person_not_in_the_clients_plan_is_refused()
    {
        var stranger = new PersonAnswers(Guid.NewGuid(), 3, false, false, true);
        var e = Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(people: [stranger]), Options, Now, Plan));
        Assert.Equal(CheckIn.UnknownPersonMessage, e.Message);
        // With no plan given, nobody is in it.
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(people: [new(Mother, 3, false, false, false)]), Options, Now));
    }

    [Fact]
    public void The_same_person_twice_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId,
            Answers(people: [new(Mother, 3, false, false, false), new(Mother, 5, false, false, false)]), Options, Now, Plan));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_persons_urge_is_on_the_same_scale(int urge) =>
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(people: [new(Aunt, urge, false, false, false)]), Options, Now, Plan));

    [Fact]
    public void An_attempt_by_one_person_still_needs_the_channel()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            CheckIn.Record(ClientId, Answers(people: [new(Mother, null, true, false, false)]), Options, Now, Plan));
        Assert.Contains("how they tried to reach you", e.Message);
    }

    [Fact]
    public void An_edit_replaces_the_answers_per_person_and_reports_a_new_attempt_once()
    {
        var recorded = CheckIn.Record(ClientId, Answers(people: [new(Aunt, 4, false, false, false)]), Options, Now, Plan);
        var edited = recorded.CheckIn.Edit(Answers(channel: "Call", emotions: ["Fear"], people: [new(Mother, 6, true, false, false)]),
            Options, null, Now.AddHours(1), Plan);

        Assert.True(edited.NewContactAttempt);
        Assert.Equal([Mother], edited.People.Select(p => p.BoundaryId));
        Assert.Equal([EmotionTag.Fear], recorded.CheckIn.Emotions);
    }

    [Fact]
    public void The_tally_counts_looking_up_feelings_and_attempts_per_person()
    {
        var tally = CheckInTally.Of(
        [
            new(true, [EmotionTag.Grief, EmotionTag.Guilt], true, ["Mother"]),
            new(false, [EmotionTag.Grief], true, ["Mother", "Aunt Ruth"]),
            new(true, [], true, []),
            new(false, [], false, []),
        ]);

        Assert.Equal((4, 2, 3), (tally.CheckIns, tally.LookedUp, tally.ContactAttempts));
        Assert.Equal([(EmotionTag.Grief, 2), (EmotionTag.Guilt, 1)], tally.Emotions);
        Assert.Equal([("Mother", 2), ("Aunt Ruth", 1), (CheckInTally.Unnamed, 1)], tally.AttemptsByPerson);
        Assert.True(tally.Any);
        Assert.False(CheckInTally.Of([new(false, [], false, [])]).Any);
    }

    [Fact]
    public void Counts_week_by_week_start_on_monday_newest_week_first()
    {
        // Sunday 7 June 2026 ends the week of Monday 1 June; Monday 8 June starts the next one.
        Assert.Equal(new DateOnly(2026, 6, 1), ClinicTime.WeekStart(new DateOnly(2026, 6, 7)));
        Assert.Equal(new DateOnly(2026, 6, 8), ClinicTime.WeekStart(new DateOnly(2026, 6, 8)));

        var weeks = CheckInTally.ByWeek(
        [
            (new DateOnly(2026, 6, 2), new TallyInput(true, [EmotionTag.Grief], false, [])),
            (new DateOnly(2026, 6, 7), new TallyInput(false, [EmotionTag.Grief, EmotionTag.Hope], true, ["Mother"])),
            (new DateOnly(2026, 6, 8), new TallyInput(true, [], true, [])),
        ]);

        Assert.Equal([new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 1)], weeks.Select(w => w.WeekOf));
        var (later, earlier) = (weeks[0].Tally, weeks[1].Tally);
        Assert.Equal((1, 1, 1), (later.CheckIns, later.LookedUp, later.ContactAttempts));
        Assert.Equal([(CheckInTally.Unnamed, 1)], later.AttemptsByPerson);
        Assert.Equal((2, 1, 1), (earlier.CheckIns, earlier.LookedUp, earlier.ContactAttempts));
        Assert.Equal([(EmotionTag.Grief, 2), (EmotionTag.Hope, 1)], earlier.Emotions);
        Assert.Equal([("Mother", 1)], earlier.AttemptsByPerson);
        Assert.Empty(CheckInTally.ByWeek([]));
    }
}
