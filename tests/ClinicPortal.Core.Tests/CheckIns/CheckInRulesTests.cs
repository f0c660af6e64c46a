using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.CheckIns;

public sealed class CheckInRulesTests
{
    private static readonly Guid ClientId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<string> Options = SelfCareChecklist.DefaultItems;

    private static CheckInAnswers Answers(int? mood = 5, int? urge = 4, int? sleep = null, bool attempted = false, string? channel = null,
        string? note = null, bool setback = false, string[]? selfCare = null, string? journal = null, bool share = false) =>
        new(mood, urge, sleep, attempted, channel, note, setback, selfCare ?? [], journal, share);

    [Fact]
    public void A_check_in_records_the_answers_for_the_given_client()
    {
        var recorded = CheckIn.Record(ClientId, Answers(mood: 3, urge: 8, sleep: 2, attempted: true, channel: "Text", note: " Two texts at night ",
            setback: true, selfCare: [Options[0], Options[2], Options[0]]), Options, Now);

        var c = recorded.CheckIn;
        Assert.Equal((ClientId, 3, 8, SleepQuality.Badly), (c.ClientId, c.Mood, c.Urge, c.Sleep));
        Assert.Equal((true, ContactChannel.Text, "Two texts at night", true), (c.ContactAttempted, c.Channel, c.ContactNote, c.BrokeContact));
        Assert.Equal([Options[0], Options[2]], c.SelfCare);
        Assert.Equal(Now, c.CreatedAt);
        Assert.True(recorded.ReportsContactAttempt);
        Assert.Null(recorded.PrivateJournal);
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData(5, null)]
    [InlineData(-1, 4)]
    [InlineData(11, 4)]
    [InlineData(5, 11)]
    [InlineData(5, -3)]
    public void Mood_and_urge_must_be_0_to_10(int? mood, int? urge)
    {
        var e = Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(mood, urge), Options, Now));
        Assert.Contains("0", e.Message);
        Assert.Contains("10", e.Message);
    }

    [Fact]
    public void Both_ends_of_the_scale_are_allowed()
    {
        Assert.Equal(0, CheckIn.Record(ClientId, Answers(0, 10), Options, Now).CheckIn.Mood);
        Assert.Equal(10, CheckIn.Record(ClientId, Answers(10, 0), Options, Now).CheckIn.Mood);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Sleep_must_be_on_the_scale(int sleep) =>
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(sleep: sleep), Options, Now));

    [Theory]
    [InlineData("Telepathy")]
    [InlineData("1")]
    [InlineData("Call, Text")]
    [InlineData("Carrier pigeon")]
    public void A_channel_not_in_the_list_is_refused(string channel)
    {
        var e = Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(attempted: true, channel: channel), Options, Now));
        Assert.Contains("from the list", e.Message);
    }

    [Theory]
    [InlineData("call", ContactChannel.Call)]
    [InlineData("ThroughSomeoneElse", ContactChannel.ThroughSomeoneElse)]
    [InlineData("socialmedia", ContactChannel.SocialMedia)]
    public void Channels_are_named_as_in_the_list(string value, ContactChannel channel) =>
        Assert.Equal(channel, CheckIn.Record(ClientId, Answers(attempted: true, channel: value), Options, Now).CheckIn.Channel);

    [Fact]
    public void A_contact_attempt_needs_a_channel_and_a_short_note()
    {
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(attempted: true), Options, Now));
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(attempted: true, channel: "Call", note: new string('x', CheckIn.ContactNoteMax + 1)), Options, Now));
        Assert.NotNull(CheckIn.Record(ClientId, Answers(attempted: true, channel: "Call", note: new string('x', CheckIn.ContactNoteMax)), Options, Now));
    }

    [Fact]
    public void Without_a_contact_attempt_a_leftover_channel_and_note_are_dropped()
    {
        var c = CheckIn.Record(ClientId, Answers(attempted: false, channel: "Telepathy", note: "left over"), Options, Now).CheckIn;
        Assert.Equal((false, (ContactChannel?)null, (string?)null), (c.ContactAttempted, c.Channel, c.ContactNote));
    }

    [Fact]
    public void Self_care_items_must_come_from_the_clients_list() =>
        Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(selfCare: ["Ran a marathon"]), Options, Now));

    [Fact]
    public void A_journal_is_private_unless_shared_and_private_text_never_sits_on_the_check_in()
    {
        var kept = CheckIn.Record(ClientId, Answers(journal: "Only for me"), Options, Now);
        var shared = CheckIn.Record(ClientId, Answers(journal: "For my clinician", share: true), Options, Now);

        Assert.Null(kept.CheckIn.SharedJournal);
        Assert.Equal(("Only for me", kept.CheckIn.Id, ClientId), (kept.PrivateJournal!.Text, kept.PrivateJournal.CheckInId, kept.PrivateJournal.ClientId));
        Assert.Equal("For my clinician", shared.CheckIn.SharedJournal);
        Assert.Null(shared.PrivateJournal);
        Assert.Null(CheckIn.Record(ClientId, Answers(journal: "   "), Options, Now).PrivateJournal);
    }

    [Fact]
    public void A_journal_over_the_limit_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => CheckIn.Record(ClientId, Answers(journal: new string('j', CheckIn.JournalMax + 1)), Options, Now));
        Assert.Contains(CheckIn.JournalMax.ToString(), e.Message);
    }

    [Fact]
    public void A_check_in_can_be_changed_for_24_hours_then_it_is_read_only()
    {
        var recorded = CheckIn.Record(ClientId, Answers(mood: 2), Options, Now);
        var c = recorded.CheckIn;

        c.Edit(Answers(mood: 4), Options, null, Now.AddHours(23.9));
        Assert.Equal(4, c.Mood);
        Assert.Equal(Now.AddHours(24), c.EditableUntil);
        Assert.False(c.IsEditable(Now.AddHours(24)));

        var e = Assert.Throws<DomainRuleException>(() => c.Edit(Answers(mood: 9), Options, null, Now.AddHours(24)));
        Assert.Equal(CheckIn.ReadOnlyMessage, e.Message);
        Assert.Equal(4, c.Mood);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var c = CheckIn.Record(ClientId, Answers(mood: 2, urge: 3), Options, Now).CheckIn;
        Assert.Throws<DomainRuleException>(() => c.Edit(Answers(mood: 6, urge: 12), Options, null, Now.AddHours(1)));
        Assert.Equal((2, 3, Now), (c.Mood, c.Urge, c.UpdatedAt));
    }

    [Fact]
    public void Editing_moves_the_journal_between_private_and_shared()
    {
        var recorded = CheckIn.Record(ClientId, Answers(journal: "Draft thoughts"), Options, Now);
        var c = recorded.CheckIn;
        var entry = recorded.PrivateJournal!;

        var rewritten = c.Edit(Answers(journal: "Rewritten, still mine"), Options, entry, Now.AddHours(1));
        Assert.Equal((null, null), (rewritten.AddedJournal, rewritten.RemovedJournal));
        Assert.Equal("Rewritten, still mine", entry.Text);

        var shared = c.Edit(Answers(journal: "Now I want to share", share: true), Options, entry, Now.AddHours(2));
        Assert.Same(entry, shared.RemovedJournal);
        Assert.Equal("Now I want to share", c.SharedJournal);

        var unshared = c.Edit(Answers(journal: "Private again"), Options, null, Now.AddHours(3));
        Assert.Null(c.SharedJournal);
        Assert.Equal("Private again", unshared.AddedJournal!.Text);
    }

    [Fact]
    public void A_newly_reported_contact_attempt_is_flagged_once()
    {
        var c = CheckIn.Record(ClientId, Answers(), Options, Now).CheckIn;
        Assert.True(c.Edit(Answers(attempted: true, channel: "Email"), Options, null, Now.AddHours(1)).NewContactAttempt);
        Assert.False(c.Edit(Answers(attempted: true, channel: "Call"), Options, null, Now.AddHours(2)).NewContactAttempt);
    }

    [Fact]
    public void Items_ticked_before_the_list_changed_stay_valid_on_edit()
    {
        var c = CheckIn.Record(ClientId, Answers(selfCare: [Options[1]]), Options, Now).CheckIn;
        c.Edit(Answers(selfCare: [Options[1], "Walked the dog"]), ["Walked the dog"], null, Now.AddHours(1));
        Assert.Equal([Options[1], "Walked the dog"], c.SelfCare);
    }

    [Fact]
    public void Another_check_ins_journal_cannot_be_passed_in()
    {
        var a = CheckIn.Record(ClientId, Answers(journal: "a"), Options, Now);
        var b = CheckIn.Record(ClientId, Answers(), Options, Now).CheckIn;
        Assert.Throws<ArgumentException>(() => b.Edit(Answers(), Options, a.PrivateJournal, Now));
    }

    [Fact]
    public void The_self_care_list_can_be_tailored_within_limits()
    {
        var list = SelfCareChecklist.For(ClientId);
        Assert.Equal(SelfCareChecklist.DefaultItems, list.Items);
        Assert.Equal(SelfCareChecklist.DefaultItems, SelfCareChecklist.ItemsOf(null));

        list.Replace([" Walked the dog ", "", null, "Called my sister"], Guid.NewGuid(), Now);
        Assert.Equal(["Walked the dog", "Called my sister"], list.Items);

        Assert.Throws<DomainRuleException>(() => list.Replace(["", "  "], Guid.NewGuid(), Now));
        Assert.Throws<DomainRuleException>(() => list.Replace(["Tea", "tea"], Guid.NewGuid(), Now));
        Assert.Throws<DomainRuleException>(() => list.Replace([new string('x', SelfCareChecklist.ItemMax + 1)], Guid.NewGuid(), Now));
        Assert.Throws<DomainRuleException>(() => list.Replace(Enumerable.Range(0, SelfCareChecklist.MaxItems + 1).Select(i => $"Item {i}"), Guid.NewGuid(), Now));
        Assert.Equal(["Walked the dog", "Called my sister"], list.Items);
    }

    [Fact]
    public void A_journal_entry_on_its_own_has_no_check_in_and_must_say_something()
    {
        var now = DateTimeOffset.UtcNow;
        var entry = PrivateJournalEntry.Alone(ClientId, "  Just words today  ", now);
        Assert.Equal(("Just words today", (Guid?)null, ClientId, now), (entry.Text, entry.CheckInId, entry.ClientId, entry.CreatedAt));

        Assert.Equal(PrivateJournalEntry.EmptyMessage, Assert.Throws<DomainRuleException>(() => PrivateJournalEntry.Alone(ClientId, " ", now)).Message);
        Assert.Equal(PrivateJournalEntry.EmptyMessage, Assert.Throws<DomainRuleException>(() => PrivateJournalEntry.Alone(ClientId, null, now)).Message);
        Assert.Throws<DomainRuleException>(() => PrivateJournalEntry.Alone(ClientId, new string('x', CheckIn.JournalMax + 1), now));
    }
}
