using ClinicPortal.Core.Reports;
using static ClinicPortal.Core.Tests.Reports.ReportFixture;

namespace ClinicPortal.Core.Tests.Reports;

/// <summary>The client copy does not grade the client: no regressions, setbacks or no-shows, nothing marked in red.</summary>
public sealed class ClientCopyWordingTests
{
    private static readonly string[] GradingWords = ["regression", "relapse", "setback", "no-show", "back to an earlier", "forward", "moves back", "in red"];

    [Fact]
    public void A_client_copy_uses_plain_words_and_marks_no_row()
    {
        var doc = ReportComposer.Compose(Rich().Build(ReportAudience.Client));
        var text = doc.PlainText();

        foreach (var word in GradingWords) Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Times in contact with them: 1", text);
        Assert.Contains("Missed: 1", text);
        Assert.Contains("From Early no contact", text); // the move back to Preparing, without calling it one
        Assert.All(doc.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows), r => Assert.Equal(RowMark.None, r.Mark));
    }

    [Fact]
    public void A_client_copys_charts_have_nothing_red_and_no_regression_legend()
    {
        var charts = ReportComposer.Compose(Rich().Build(ReportAudience.Client)).Blocks.OfType<ChartBlock>().Select(c => c.Chart).ToList();

        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            Assert.DoesNotContain(chart.Markers, m => m.Ink is ChartInk.Regression or ChartInk.Setback);
            Assert.DoesNotContain(chart.Legend, l => l.Ink is ChartInk.Regression or ChartInk.Setback);
            Assert.DoesNotContain(chart.YTicks, t => t.Emphasis);
        }
        Assert.Contains(charts[1].Markers, m => m.Ink == ChartInk.InContact);
    }

    [Fact]
    public void The_provider_copy_keeps_its_clinical_grading()
    {
        var doc = ReportComposer.Compose(Rich().Build(ReportAudience.Provider));
        var text = doc.PlainText();

        Assert.Contains("Moves back (regressions): 1", text);
        Assert.Contains("Back to an earlier stage (from Early no contact)", text);
        Assert.Contains(doc.Blocks.OfType<ChartBlock>().First().Chart.Markers, m => m.Ink == ChartInk.Regression);
    }
}
