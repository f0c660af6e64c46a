using ClinicPortal.Core.Reports;
using static ClinicPortal.Core.Tests.Reports.ReportFixture;

namespace ClinicPortal.Core.Tests.Reports;

public sealed class ReportChartsTests
{
    [Fact]
    public void The_stage_chart_holds_each_level_until_the_next_assessment_then_steps()
    {
        var section = Rich().Build().StagePath!;
        var chart = ReportCharts.StagePath(section, Period);
        var line = Assert.Single(chart.Lines).Points;

        Assert.Equal(chart.PlotLeft, line[0].X);            // starts at the period's start, in the stage held then
        Assert.Equal(chart.PlotRight, line[^1].X);          // and runs to its end
        for (var i = 1; i < line.Count; i++)
            Assert.True(line[i].X == line[i - 1].X || line[i].Y == line[i - 1].Y, "every segment is horizontal or vertical");
        Assert.Equal(section.Stages.Count, chart.YTicks.Count);
        Assert.Equal(["Assessment", "Assessment", "Regression"], chart.Markers.Select(m => m.Ink.ToString()));
        Assert.All(chart.Markers, m => Assert.InRange(m.X, chart.PlotLeft, chart.PlotRight));
        // Later stages sit higher: "Early no contact" (3) above "Preparing" (2).
        Assert.True(chart.Markers[1].Y < chart.Markers[0].Y);
        Assert.Equal(5, chart.XTicks.Count);
        Assert.Equal("1 Jun", chart.XTicks[0].Label);
        Assert.Equal("30 Jun", chart.XTicks[^1].Label);
    }

    [Fact]
    public void The_trend_chart_draws_mood_and_urge_marks_setbacks_and_attempts_and_breaks_at_gaps()
    {
        var chart = ReportCharts.CheckInTrend(Rich().Build().CheckIns!, Period);

        // 2 Jun and 10 Jun are more than 3 days apart, as are 10 Jun and 28 Jun: three runs per series.
        Assert.Equal(3, chart.Lines.Count(l => l.Ink == ChartInk.Mood));
        Assert.Equal(3, chart.Lines.Count(l => l.Ink == ChartInk.Urge));
        Assert.Single(chart.Markers, m => m.Ink == ChartInk.Setback);
        Assert.Equal(2, chart.Markers.Count(m => m.Ink == ChartInk.ContactAttempt)); // two days with attempts
        Assert.Equal(["0", "2", "4", "6", "8", "10"], chart.YTicks.Select(t => t.Label));
        Assert.All(chart.Lines.SelectMany(l => l.Points), p => Assert.InRange(p.Y, chart.PlotTop, chart.PlotBottom));
    }

    [Fact]
    public void A_long_period_is_charted_by_week()
    {
        var f = new ReportFixture();
        var period = new ReportPeriod(new DateOnly(2023, 7, 1), Today);
        for (var day = period.Start; day <= period.End; day = day.AddDays(1)) f.CheckIn(day, day.Day % 10, 10 - day.Day % 10);
        var section = f.Build(period: period).CheckIns!;
        var chart = ReportCharts.CheckInTrend(section, period);

        Assert.Equal(section.Weeks.Count, chart.Lines.Single(l => l.Ink == ChartInk.Mood).Points.Count);
        Assert.Contains(chart.Legend, l => l.Label == "Mood (weekly average)");
        Assert.Equal("Jul 2023", chart.XTicks[0].Label);
    }
}
