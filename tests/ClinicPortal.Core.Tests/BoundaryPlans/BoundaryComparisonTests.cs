using ClinicPortal.Core.BoundaryPlans;

namespace ClinicPortal.Core.Tests.BoundaryPlans;

public sealed class BoundaryComparisonTests
{
    private static BoundarySnapshot Snap(BoundaryDetails? details = null) => Boundary.Check(details ?? BoundaryRulesTests.Plan());

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        var comparison = BoundaryComparison.Between(Snap(), Snap());

        Assert.False(comparison.HasChanges);
        Assert.Equal("No changes.", comparison.Summary());
        Assert.All(comparison.Fields, f => Assert.False(f.Changed));
    }

    [Fact]
    public void Short_fields_show_before_and_after_in_the_summary()
    {
        var before = Snap();
        var after = Snap(BoundaryRulesTests.Plan() with
        {
            ContactLevel = ContactLevel.Reconnecting, DoorOpen = true, ReviewDate = new DateOnly(2027, 1, 15),
        });

        var comparison = BoundaryComparison.Between(before, after);

        Assert.Equal(
            "Contact level: No contact → Reconnecting; Door open to reconnect: No → Yes; Review date: 21 Dec 2026 → 15 Jan 2027.",
            comparison.Summary());
        var level = comparison.Fields.Single(f => f.Label == "Contact level");
        Assert.True(level.Changed);
        Assert.Equal(("No contact", "Reconnecting"), (level.Before, level.After));
    }

    [Fact]
    public void Free_text_is_only_named_as_edited_in_the_summary_but_shown_in_full_in_the_comparison()
    {
        var after = Snap(BoundaryRulesTests.Plan() with { PersonName = "Former partner", Exceptions = "School pick-up via the app" });

        var comparison = BoundaryComparison.Between(Snap(), after);

        Assert.Equal("person or group edited; exceptions edited.", comparison.Summary());
        Assert.DoesNotContain("School pick-up", comparison.Summary());
        Assert.Equal("School pick-up via the app", comparison.Fields.Single(f => f.Label == "Exceptions").After);
    }

    [Fact]
    public void Channels_and_preparation_are_compared_item_by_item()
    {
        var after = Snap(BoundaryRulesTests.Plan() with
        {
            Channels = [new(BoundaryChannel.PhoneBlocked, ChannelStatus.Done), new(BoundaryChannel.SocialMediaBlocked, ChannelStatus.Done),
                        new(BoundaryChannel.EmailBlocked, ChannelStatus.NotApplicable)],
            Preparation = [PreparationItem.TherapistInPlace, PreparationItem.BlockingDone],
        });

        var changed = BoundaryComparison.Between(Snap(), after).Fields.Where(f => f.Changed).Select(f => $"{f.Label}: {f.Before} → {f.After}").ToList();

        Assert.Equal(
        [
            "Channel: Email blocked: Not set → Not applicable",
            "Channel: Social media blocked, privacy tightened: Planned → Done",
            "Preparation: Blocking done: No → Yes",
        ], changed);
    }

    [Fact]
    public void Lists_show_added_removed_sharing_changes_and_reordering()
    {
        var after = Snap(BoundaryRulesTests.Plan() with
        {
            // was: "They frightened me." (shared), "I sleep better." (private), "I want my friends back." (shared)
            Reasons = [new("I want my friends back.", true), new("They frightened me.", false), new("I can think clearly again.", true)],
        });

        var comparison = BoundaryComparison.Between(Snap(), after);
        var reasons = comparison.Lists.Single(l => l.Label == "Reasons");

        Assert.True(reasons.Reordered);
        Assert.Equal(
        [
            ("I want my friends back.", ItemChange.Unchanged),
            ("They frightened me.", ItemChange.SharingChanged),
            ("I can think clearly again.", ItemChange.Added),
            ("I sleep better.", ItemChange.Removed),
        ], reasons.Items.Select(i => (i.Text, i.Change)));
        var sharing = reasons.Items.Single(i => i.Change == ItemChange.SharingChanged);
        Assert.True(sharing.SharedBefore);
        Assert.False(sharing.SharedAfter);
        Assert.Equal("Reasons: 1 added, 1 removed, sharing changed on 1, reordered.", comparison.Summary());
        Assert.False(comparison.Lists.Single(l => l.Label.StartsWith("Conditions")).Changed);
    }

    [Fact]
    public void Removing_an_item_does_not_count_as_reordering()
    {
        var after = Snap(BoundaryRulesTests.Plan() with { Reasons = [new("They frightened me.", true), new("I want my friends back.", true)] });

        var reasons = BoundaryComparison.Between(Snap(), after).Lists[0];

        Assert.False(reasons.Reordered);
        Assert.Equal(1, reasons.Count(ItemChange.Removed));
    }

    [Fact]
    public void A_corrected_capital_letter_is_a_change()
    {
        var after = Snap(BoundaryRulesTests.Plan() with
        {
            Reasons = [new("They frightened me.", true), new("I sleep better.", false), new("I want my Friends back.", true)],
        });

        Assert.True(BoundaryComparison.Between(Snap(), after).HasChanges);
    }

    [Fact]
    public void The_first_version_compares_against_nothing()
    {
        var comparison = BoundaryComparison.Between(null, Snap());

        Assert.True(comparison.HasChanges);
        Assert.StartsWith("Created at no contact", comparison.Summary());
        Assert.All(comparison.Lists[0].Items, i => Assert.Equal(ItemChange.Added, i.Change));
    }

    [Fact]
    public void A_very_long_summary_is_cut_to_fit_the_revision()
    {
        var first = BoundaryRulesTests.Plan() with
        {
            PlannedLength = new string('y', 120), ContactLevel = ContactLevel.LowContact, HowTold = HowTold.Letter,
            Channels = Enum.GetValues<BoundaryChannel>().Select(c => new ChannelEntry(c, ChannelStatus.NotApplicable)).ToList(),
            Preparation = Enum.GetValues<PreparationItem>().ToList(),
        };
        var everything = first with
        {
            PlannedLength = new string('w', 120), Channels = [], Preparation = [], ContactLevel = ContactLevel.NoContact,
            StartDate = new DateOnly(2020, 1, 1), ReviewDate = new DateOnly(2020, 1, 2), HowTold = null,
        };
        var (boundary, _) = Boundary.Create(Guid.NewGuid(), first, Guid.NewGuid(), BoundaryRulesTests.Now);
        Assert.True(BoundaryComparison.Between(Snap(first), Snap(everything)).Summary().Length > BoundaryRevision.SummaryMax);

        var revision = boundary.Revise(everything, Guid.NewGuid(), BoundaryRulesTests.Now)!;

        Assert.Equal(BoundaryRevision.SummaryMax, revision.Summary.Length);
        Assert.EndsWith("…", revision.Summary);
    }
}
