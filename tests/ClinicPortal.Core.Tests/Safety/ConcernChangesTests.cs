using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class ConcernChangesTests
{
    private static readonly ConcernState Before = new(ConcernType.RepeatedMessagesOrCalls, null, ConcernSeverity.Moderate, ConcernStatus.Open,
        new DateOnly(2026, 3, 1), null, "Ex-partner", null, null, "Calls every evening.", new DateOnly(2026, 3, 10), null);

    [Fact]
    public void Identical_states_have_no_changes() => Assert.Empty(ConcernChanges.Describe(Before, Before with { }));

    [Fact]
    public void Each_changed_field_gets_one_line_in_form_order()
    {
        var after = Before with
        {
            Type = ConcernType.Threats, Severity = ConcernSeverity.Imminent, Status = ConcernStatus.Monitoring,
            FirstNoticed = new DateOnly(2026, 2, 27), LastOccurrence = new DateOnly(2026, 3, 4), InvolvedPerson = null,
            SupportPersonId = Guid.NewGuid(), BoundaryId = Guid.NewGuid(), Description = "Threat made on the phone.",
            NextReviewDate = null, ResolutionNote = "n",
        };

        Assert.Equal(
        [
            "Type: Repeated messages or calls → Threats",
            "Severity: Moderate → Imminent",
            "Status: Open → Monitoring",
            "First noticed: 1 Mar 2026 → 27 Feb 2026",
            "Last occurrence: none → 4 Mar 2026",
            "Who is involved: Ex-partner → none",
            "Linked support-network person changed",
            "Linked boundary changed",
            "Description edited",
            "Next review: 10 Mar 2026 → none",
            "Resolution note added",
        ], ConcernChanges.Describe(Before, after));
    }

    [Fact]
    public void Free_text_is_never_copied_into_the_summary()
    {
        var lines = ConcernChanges.Describe(Before with { ResolutionNote = "Old secret words" },
            Before with { Description = "New secret words", ResolutionNote = "Other secret words" });

        Assert.Equal(["Description edited", "Resolution note edited"], lines);
        Assert.DoesNotContain(lines, l => l.Contains("secret"));
    }

    [Fact]
    public void Renaming_an_other_type_is_a_type_change()
    {
        var before = Before with { Type = ConcernType.Other, OtherType = "Pet taken" };
        Assert.Equal(["Type: Other: Pet taken → Other: Car damaged"], ConcernChanges.Describe(before, before with { OtherType = "Car damaged" }));
    }
}
