using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Reports;
using static ClinicPortal.Core.Tests.Reports.ReportFixture;

namespace ClinicPortal.Core.Tests.Reports;

/// <summary>Looking them up, feelings, and contact attempts per person in the report: counts over the period only.</summary>
public sealed class ReportCheckInSignalsTests
{
    [Fact]
    public void The_check_in_section_counts_looking_up_feelings_and_attempts_per_person_in_the_period()
    {
        var fixture = new ReportFixture();
        fixture.CheckIns.Add(new ReportCheckIn(new DateOnly(2026, 6, 3), 4, 6, false, ["Text"]) { LookedUp = true, Emotions = [EmotionTag.Grief, EmotionTag.Guilt], AttemptedBy = ["Mother"] });
        fixture.CheckIns.Add(new ReportCheckIn(new DateOnly(2026, 6, 9), 5, 5, false, ["Call"]) { Emotions = [EmotionTag.Grief], AttemptedBy = ["Mother"] });
        fixture.CheckIns.Add(new ReportCheckIn(new DateOnly(2026, 6, 12), 5, 4, false, []) { LookedUp = true });
        // Before the period: not counted.
        fixture.CheckIns.Add(new ReportCheckIn(new DateOnly(2026, 5, 20), 5, 4, false, ["Call"]) { LookedUp = true, Emotions = [EmotionTag.Fear], AttemptedBy = ["Aunt Ruth"] });

        var section = fixture.Build().CheckIns!;
        Assert.Equal((3, 2, 2), (section.Tally.CheckIns, section.Tally.LookedUp, section.Tally.ContactAttempts));
        Assert.Equal([("Mother", 2)], section.Tally.AttemptsByPerson);
        Assert.Equal([(EmotionTag.Grief, 2), (EmotionTag.Guilt, 1)], section.Tally.Emotions);

        var text = ReportComposer.Compose(fixture.Build()).PlainText();
        Assert.Contains("Looked them up: 2 of 3 check-ins", text);
        Assert.Contains("Contact attempts by person: Mother 2", text);
        Assert.Contains("Feelings noted: Grief 2, Guilt 1", text);
        Assert.DoesNotContain("Aunt Ruth", text);
    }

    [Fact]
    public void Without_the_new_answers_the_section_reads_as_before()
    {
        var text = ReportComposer.Compose(new ReportFixture().CheckIn(new DateOnly(2026, 6, 3), 4, 6, false, "Text").Build()).PlainText();
        Assert.DoesNotContain("Looked them up", text);
        Assert.DoesNotContain("by person", text);
        Assert.DoesNotContain("Feelings noted", text);
    }
}
