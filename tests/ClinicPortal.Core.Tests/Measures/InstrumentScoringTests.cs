using ClinicPortal.Core.Common;
using ClinicPortal.Core.Measures;

namespace ClinicPortal.Core.Tests.Measures;

public sealed class InstrumentScoringTests
{
    private static int?[] Answers(params int[] values) => values.Select(v => (int?)v).ToArray();

    [Fact]
    public void The_instruments_have_their_published_shape()
    {
        Assert.Equal((9, 27, 4), (Instruments.Phq9.Items.Count, Instruments.Phq9.MaxTotal, Instruments.Phq9.Options.Count));
        Assert.Equal((7, 21, 4), (Instruments.Gad7.Items.Count, Instruments.Gad7.MaxTotal, Instruments.Gad7.Options.Count));
        Assert.Equal((20, 80, 5), (Instruments.Pcl5.Items.Count, Instruments.Pcl5.MaxTotal, Instruments.Pcl5.Options.Count));
        Assert.Equal("Thoughts that you would be better off dead or of hurting yourself in some way", Instruments.Phq9.Items[8]);
        Assert.Equal(["Not at all", "Several days", "More than half the days", "Nearly every day"], Instruments.Gad7.Options.Select(o => o.Label));
        Assert.Equal(["Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"], Instruments.Pcl5.Options.Select(o => o.Label));
        Assert.All(Instruments.All, i => Assert.Same(i, Instruments.Find(i.Code)));
        Assert.Null(Instruments.Find("PHQ-10"));
    }

    [Fact]
    public void Bands_cover_every_total_once_without_gaps()
    {
        foreach (var instrument in Instruments.All)
        {
            Assert.Equal(0, instrument.Bands[0].From);
            Assert.Equal(instrument.MaxTotal, instrument.Bands[^1].To);
            for (var i = 1; i < instrument.Bands.Count; i++) Assert.Equal(instrument.Bands[i - 1].To + 1, instrument.Bands[i].From);
        }
    }

    // The published scoring: the total is the sum of the nine item values (0–3 each), read against the bands.
    [Theory]
    [InlineData(new[] { 1, 2, 1, 3, 0, 1, 2, 0, 0 }, 10, "Moderate")]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0, "Minimal")]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, 27, "Severe")]
    public void Phq9_sums_its_items(int[] answers, int total, string band)
    {
        Assert.Equal(total, Instruments.Phq9.Score(Answers(answers)));
        Assert.Equal(band, Instruments.Phq9.BandOf(total).Label);
    }

    [Theory]
    [InlineData(4, "Minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Moderately severe")]
    [InlineData(19, "Moderately severe")]
    [InlineData(20, "Severe")]
    public void Phq9_band_edges(int total, string band) => Assert.Equal(band, Instruments.Phq9.BandOf(total).Label);

    [Theory]
    [InlineData(0, "Minimal")]
    [InlineData(4, "Minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Severe")]
    [InlineData(21, "Severe")]
    public void Gad7_band_edges(int total, string band) => Assert.Equal(band, Instruments.Gad7.BandOf(total).Label);

    [Fact]
    public void Gad7_and_pcl5_sum_their_items()
    {
        Assert.Equal(10, Instruments.Gad7.Score(Answers(2, 2, 1, 1, 1, 2, 1)));
        Assert.Equal(80, Instruments.Pcl5.Score(Enumerable.Repeat((int?)4, 20).ToArray()));
        Assert.Equal(33, Instruments.Pcl5.Score(Answers(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0)));
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(33, true)]
    [InlineData(80, true)]
    public void Pcl5_cut_off_is_33_said_as_around_31_to_33(int total, bool above)
    {
        Assert.Equal(above, Instruments.Pcl5.AtOrAboveCutOff(total));
        Assert.Contains("around 31\u201333", Instruments.Pcl5.BandOf(total).Label);
        Assert.False(Instruments.Phq9.AtOrAboveCutOff(27));
    }

    [Fact]
    public void An_unanswered_item_is_refused_with_its_number()
    {
        var answers = Answers(1, 1, 1, 1, 1, 1, 1, 1, 1);
        answers[3] = null;
        var e = Assert.Throws<DomainRuleException>(() => Instruments.Phq9.Score(answers));
        Assert.Equal(Instrument.UnansweredMessage(4), e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void An_out_of_range_answer_is_refused_even_in_a_draft(int value)
    {
        var answers = new int?[7];
        answers[6] = value;
        Assert.Equal(Instrument.OutOfRangeMessage(7), Assert.Throws<DomainRuleException>(() => Instruments.Gad7.CheckDraft(answers)).Message);
        Assert.Equal(Instrument.OutOfRangeMessage(7), Assert.Throws<DomainRuleException>(() => Instruments.Gad7.Score(answers)).Message);
        Assert.Equal(4, Instruments.Pcl5.CheckDraft(Enumerable.Repeat((int?)4, 20).ToArray())[0]); // 4 is on PCL-5's scale
    }

    [Fact]
    public void Answers_for_another_questionnaire_are_refused() =>
        Assert.Throws<DomainRuleException>(() => Instruments.Phq9.Score(Answers(0, 0, 0, 0, 0, 0, 0)));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void Phq9_item_9_above_zero_flags_safety_whatever_the_total(int item9, bool flags)
    {
        var answers = Answers(0, 0, 0, 0, 0, 0, 0, 0, item9);
        Assert.Equal(flags, Instruments.Phq9.FlagsSafety(answers));
        Assert.False(Instruments.Gad7.FlagsSafety(Answers(3, 3, 3, 3, 3, 3, 3)));
    }
}
