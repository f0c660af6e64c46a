using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Reports;

namespace ClinicPortal.Core.Tests.Reports;

/// <summary>The questionnaire section of a progress report (period 1–30 June 2026, UTC clinic).</summary>
public sealed class MeasuresSectionTests
{
    private static readonly ReportPeriod Period = ReportFixture.Period;

    private static ReportMeasureScore Score(string code, DateOnly day, int total, bool flagged = false) =>
        new(Guid.NewGuid(), code, ReportFixture.At(day), total, flagged);

    private static ReportInputs Inputs(params ReportMeasureScore[] scores) => new ReportFixture().Inputs() with { MeasureScores = scores };

    private static ReportDocument Doc(ReportInputs inputs, ReportAudience audience) => ReportComposer.Compose(ProgressReportBuilder.Build(inputs,
        ReportOptions.Create(Period, ReportSections.Measures, audience, null), new ReportGeneration(Guid.NewGuid(), ReportFixture.At(ReportFixture.Today), "Dr. Test Clinician")));

    /// <summary>PHQ-9 from 18 in March to 12 and 8 in June (improving, item 9 once in the period), GAD-7 with its one score in June, and a PHQ-9 sent after the period.</summary>
    private static ReportInputs Improving() => Inputs(
        Score(Instruments.Phq9Code, new DateOnly(2026, 3, 10), 18),
        Score(Instruments.Phq9Code, new DateOnly(2026, 6, 5), 12, flagged: true),
        Score(Instruments.Phq9Code, new DateOnly(2026, 6, 26), 8),
        Score(Instruments.Phq9Code, new DateOnly(2026, 7, 2), 25, flagged: true),
        Score(Instruments.Gad7Code, new DateOnly(2026, 6, 12), 9));

    [Fact]
    public void Each_instrument_shows_the_periods_scores_read_against_the_first_score_up_to_the_periods_end()
    {
        var section = MeasuresSection.For(Improving(), Period);

        var phq = section.Instruments[0];
        Assert.Equal([Instruments.Phq9Code, Instruments.Gad7Code], section.Instruments.Select(i => i.Instrument.Code));
        Assert.Equal((new DateOnly(2026, 3, 10), 18, 1), (phq.FirstOn, phq.FirstTotal, phq.Earlier));
        Assert.Equal([(12, "Moderate", -6, ChangeKind.ReliablyImproved), (8, "Mild", -10, ChangeKind.ReliablyImproved)],
            phq.Scores.Select(s => (s.Total, s.Band.Label, s.ChangeFromFirst, s.Change)));
        Assert.True(phq.SafetyFlagged);
        Assert.True(section.Instruments[1].OnlyStart);
    }

    [Fact]
    public void The_clinician_copy_has_totals_bands_reliable_change_and_item_9()
    {
        var doc = Doc(Improving(), ReportAudience.Provider);
        var text = doc.PlainText();

        Assert.Contains("Questionnaires (measures)", text);
        Assert.Contains("PHQ-9: 2 in the period; latest 8 of 27 (Mild) on 26 Jun 2026", text);
        Assert.Contains("First score: 18 (Moderately severe) on 10 Mar 2026", text);
        Assert.Contains("Change from the first: -10: reliably improved (threshold 5 points)", text);
        Assert.Contains("Item 9 (self-harm): Answered above 0 once in the period", text);
        var table = doc.Blocks.OfType<TableBlock>().Single(t => t.Caption == "PHQ-9 scores in the period");
        Assert.Equal(["5 Jun 2026", "12", "Moderate", "-6", "Reliably improved", "Flagged"], table.Rows[0].Cells);
        Assert.Equal([RowMark.Attention, RowMark.None], table.Rows.Select(r => r.Mark));
        Assert.DoesNotContain("25", table.Rows.SelectMany(r => r.Cells)); // sent after the period
    }

    [Fact]
    public void The_client_copy_says_it_in_plain_words_without_numbers_bands_or_item_9()
    {
        var doc = Doc(Improving(), ReportAudience.Client);
        var text = doc.PlainText();

        Assert.Contains("Your questionnaires", text);
        Assert.Contains("your answers suggest things have eased since March 2026.", text);
        Assert.Contains("this was the first time you filled it in", text);
        Assert.Contains("Some of these difficulties lately", text);
        foreach (var word in new[] { "Moderate", "Mild", "Severe", "Item 9", "self-harm", "Reliabl", "threshold", "of 27" })
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        Assert.All(doc.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows), r => Assert.Equal(RowMark.None, r.Mark));
    }

    [Fact]
    public void A_reliably_worse_score_is_marked_for_the_clinician_and_worded_gently_for_the_client()
    {
        var inputs = Inputs(Score(Instruments.Gad7Code, new DateOnly(2026, 6, 2), 5), Score(Instruments.Gad7Code, new DateOnly(2026, 6, 20), 16));

        var provider = Doc(inputs, ReportAudience.Provider);
        var client = Doc(inputs, ReportAudience.Client).PlainText();

        Assert.Contains("Change from the first: +11: reliably worse (threshold 4 points)", provider.PlainText());
        Assert.Equal(RowMark.Attention, provider.Blocks.OfType<TableBlock>().Single().Rows[1].Mark);
        Assert.Contains("your answers suggest things have felt harder lately than in June 2026", client);
        Assert.DoesNotContain("worse", client, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("severe", client, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_small_change_is_no_reliable_change()
    {
        var inputs = Inputs(Score(Instruments.Phq9Code, new DateOnly(2026, 5, 1), 10), Score(Instruments.Phq9Code, new DateOnly(2026, 6, 15), 13));

        Assert.Contains("your answers are much like they were in May 2026.", Doc(inputs, ReportAudience.Client).PlainText());
        Assert.Contains("+3: no reliable change", Doc(inputs, ReportAudience.Provider).PlainText());
    }

    [Fact]
    public void Without_a_score_in_the_period_the_section_says_so_and_counts_as_no_data()
    {
        var inputs = Inputs(Score(Instruments.Phq9Code, new DateOnly(2026, 5, 1), 10), Score(Instruments.Phq9Code, new DateOnly(2026, 7, 1), 4));

        var report = ProgressReportBuilder.Build(inputs, ReportOptions.Create(Period, ReportSections.Measures, ReportAudience.Provider, null),
            new ReportGeneration(Guid.NewGuid(), ReportFixture.At(ReportFixture.Today), "Dr. Test Clinician"));

        Assert.True(report.Measures!.IsEmpty);
        Assert.False(report.HasData);
        Assert.Contains("No questionnaires were answered in this period.", ReportComposer.Compose(report).PlainText());
        Assert.Contains("You did not fill in a questionnaire in this period.", Doc(inputs, ReportAudience.Client).PlainText());
    }

    [Fact]
    public void A_score_counts_on_its_day_in_the_clinics_time_zone()
    {
        // 30 June 23:30 in New York is 1 July in UTC: in the period for a New York clinic.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var at = new DateTimeOffset(2026, 7, 1, 3, 30, 0, TimeSpan.Zero);
        var inputs = new ReportFixture().Inputs(zone) with { MeasureScores = [new(Guid.NewGuid(), Instruments.Phq9Code, at, 7, false)] };

        Assert.Equal(new DateOnly(2026, 6, 30), MeasuresSection.For(inputs, Period).Instruments.Single().Latest.Date);
        Assert.True(MeasuresSection.For(inputs with { Zone = TimeZoneInfo.Utc }, Period).IsEmpty);
    }
}
