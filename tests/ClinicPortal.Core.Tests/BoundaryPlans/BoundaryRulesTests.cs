using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.BoundaryPlans;

public sealed class BoundaryRulesTests
{
    internal static readonly DateOnly Today = new(2026, 11, 21);
    internal static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();

    internal static BoundaryDetails Plan() => new("Ex-partner", RelationshipType.PartnerOrEx, ContactLevel.NoContact, false, HowTold.NotTold,
        [new(BoundaryChannel.PhoneBlocked, ChannelStatus.Done), new(BoundaryChannel.SocialMediaBlocked, ChannelStatus.Planned)],
        [new("They frightened me.", true), new("I sleep better.", false), new("I want my friends back.", true)],
        [new("They apologise without excuses.", true), new("A year with no messages through friends.", false)],
        null, Today.AddDays(-10), "Open-ended", Today.AddDays(30), [PreparationItem.TherapistInPlace]);

    [Fact]
    public void Creating_a_boundary_writes_revision_1_with_the_whole_plan()
    {
        var (boundary, revision) = Boundary.Create(Guid.NewGuid(), Plan(), Author, Now);

        Assert.Equal(1, boundary.RevisionNumber);
        Assert.Equal(1, revision.Number);
        Assert.Equal(boundary.Id, revision.BoundaryId);
        Assert.Equal(boundary.ClientId, revision.ClientId);
        Assert.Null(revision.PreviousContactLevel);
        Assert.Equal(ContactLevel.NoContact, revision.ContactLevel);
        Assert.Equal(Author, revision.AuthorId);
        Assert.Equal("Created at no contact, 3 reasons, 2 conditions (3 shared with the client).", revision.Summary);
        var snapshot = revision.ReadSnapshot();
        Assert.Equal(["They frightened me.", "I sleep better.", "I want my friends back."], snapshot.Reasons.Select(r => r.Text));
        Assert.Equal(ChannelStatus.Done, snapshot.StatusOf(BoundaryChannel.PhoneBlocked));
        Assert.Null(snapshot.StatusOf(BoundaryChannel.EmailBlocked));
    }

    [Fact]
    public void Each_change_is_a_new_numbered_revision_and_an_unchanged_save_writes_none()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan(), Author, Now);

        var second = boundary.Revise(Plan() with { ContactLevel = ContactLevel.LowContact }, Author, Now.AddDays(1));
        var unchanged = boundary.Revise(Plan() with { ContactLevel = ContactLevel.LowContact }, Author, Now.AddDays(2));

        Assert.NotNull(second);
        Assert.Equal(2, second.Number);
        Assert.Equal(ContactLevel.NoContact, second.PreviousContactLevel);
        Assert.Equal(ContactLevel.LowContact, second.ContactLevel);
        Assert.Null(unchanged);
        Assert.Equal(2, boundary.RevisionNumber);
        Assert.Equal(Now.AddDays(1), boundary.UpdatedAt);
    }

    [Fact]
    public void Text_is_trimmed_blank_list_rows_are_dropped_and_order_is_kept()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan() with
        {
            PersonName = "  Mother ",
            Reasons = [new("  second thought first ", false), new("", true), new("   ", false), new("then this", true)],
        }, Author, Now);

        Assert.Equal("Mother", boundary.PersonName);
        Assert.Equal([new PlanItem("second thought first", false), new PlanItem("then this", true)], boundary.Reasons);
    }

    public static TheoryData<string, Func<BoundaryDetails, BoundaryDetails>> BadPlans => new()
    {
        { "Person or group is required", d => d with { PersonName = "  " } },
        { "Person or group must be at most 120", d => d with { PersonName = new string('x', 121) } },
        { "review date cannot be before the start date", d => d with { StartDate = Today, ReviewDate = Today.AddDays(-1) } },
        { "'Phone number blocked' appears twice", d => d with { Channels = [new(BoundaryChannel.PhoneBlocked, ChannelStatus.Done), new(BoundaryChannel.PhoneBlocked, ChannelStatus.Planned)] } },
        { "Reasons can hold at most 15 items", d => d with { Reasons = Enumerable.Range(1, 16).Select(i => new PlanItem($"Reason {i}", false)).ToList() } },
        { "Each reason must be at most 500", d => d with { Reasons = [new(new string('x', 501), false)] } },
        { "The same condition is listed twice", d => d with { Conditions = [new("They apologise.", true), new("they apologise. ", false)] } },
        { "Exceptions must be at most 2000", d => d with { Exceptions = new string('x', 2001) } },
        { "Choose a contact level", d => d with { ContactLevel = (ContactLevel)42 } },
        { "Choose the relationship", d => d with { Relationship = (RelationshipType)42 } },
        { "means the door is open", d => d with { ContactLevel = ContactLevel.Reconnecting, DoorOpen = false } },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Bad_plans_are_refused_with_a_clear_message_and_change_nothing(string message, Func<BoundaryDetails, BoundaryDetails> spoil)
    {
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => Boundary.Create(Guid.NewGuid(), spoil(Plan()), Author, Now)).Message);

        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan(), Author, Now);
        var before = boundary.Snapshot();
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => boundary.Revise(spoil(Plan()), Author, Now.AddDays(1))).Message);
        Assert.Equal(1, boundary.RevisionNumber);
        Assert.False(BoundaryComparison.Between(before, boundary.Snapshot()).HasChanges);
    }

    [Fact]
    public void A_review_date_equal_to_the_start_date_is_fine()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan() with { StartDate = Today, ReviewDate = Today }, Author, Now);
        Assert.Equal(Today, boundary.ReviewDate);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void A_review_is_overdue_only_once_its_date_has_passed(int reviewOffset, bool overdue)
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan() with { StartDate = Today.AddDays(-30), ReviewDate = Today.AddDays(reviewOffset) }, Author, Now);
        Assert.Equal(overdue, boundary.IsReviewOverdue(Today));
    }

    [Fact]
    public void A_boundary_without_a_review_date_is_never_overdue()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan() with { ReviewDate = null }, Author, Now);
        Assert.False(boundary.IsReviewOverdue(Today.AddYears(5)));
    }

    [Fact]
    public void Only_items_marked_shared_are_client_visible_in_their_order()
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan(), Author, Now);

        Assert.Equal(["They frightened me.", "I want my friends back."], boundary.SharedReasons().Select(r => r.Text));
        Assert.Equal(["They apologise without excuses."], boundary.SharedConditions().Select(c => c.Text));
    }

    [Theory]
    [InlineData(ContactLevel.ContactResumed, ContactLevel.NoContact)]
    [InlineData(ContactLevel.LowContact, ContactLevel.ContactResumed)]
    [InlineData(ContactLevel.StructuredContact, ContactLevel.LowContact)]
    [InlineData(ContactLevel.NoContact, ContactLevel.ContactResumed)]
    public void Any_contact_level_can_follow_any_other_and_the_revision_records_both(ContactLevel from, ContactLevel to)
    {
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), Plan() with { ContactLevel = from, DoorOpen = true }, Author, Now);

        var revision = boundary.Revise(Plan() with { ContactLevel = to, DoorOpen = true }, Author, Now.AddDays(1))!;

        Assert.Equal(to, boundary.ContactLevel);
        Assert.Equal(new ContactLevelChange(from, to), revision.LevelChange());
        Assert.True(revision.LevelChange().IsEvent);
    }

    [Fact]
    public void Snapshots_round_trip_through_json_with_enum_names()
    {
        var (boundary, revision) = Boundary.Create(Guid.NewGuid(), Plan(), Author, Now);

        Assert.Contains("\"NoContact\"", revision.Snapshot);
        Assert.Contains("\"PhoneBlocked\"", revision.Snapshot);
        Assert.False(BoundaryComparison.Between(boundary.Snapshot(), revision.ReadSnapshot()).HasChanges);
    }
}
