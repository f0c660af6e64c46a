using ClinicPortal.Core.Measures;

namespace ClinicPortal.Core.Tests.Measures;

public sealed class ReliableChangeTests
{
    [Theory]
    [InlineData("PHQ-9", 15, 10, ChangeKind.ReliablyImproved)]
    [InlineData("PHQ-9", 15, 11, ChangeKind.NoReliableChange)]
    [InlineData("PHQ-9", 10, 14, ChangeKind.NoReliableChange)]
    [InlineData("PHQ-9", 10, 15, ChangeKind.ReliablyWorse)]
    [InlineData("GAD-7", 12, 8, ChangeKind.ReliablyImproved)]
    [InlineData("GAD-7", 12, 9, ChangeKind.NoReliableChange)]
    [InlineData("GAD-7", 5, 9, ChangeKind.ReliablyWorse)]
    [InlineData("PCL-5", 50, 40, ChangeKind.ReliablyImproved)]
    [InlineData("PCL-5", 50, 41, ChangeKind.NoReliableChange)]
    [InlineData("PCL-5", 30, 40, ChangeKind.ReliablyWorse)]
    public void Thresholds_are_5_4_and_10_points(string code, int first, int latest, ChangeKind change) =>
        Assert.Equal(change, ReliableChangeRule.Of(Instruments.Find(code)!, first, latest));

    [Fact]
    public void Thresholds_sit_beside_each_instrument() =>
        Assert.Equal([5, 4, 10], Instruments.All.Select(i => i.ReliableChange));
}

public sealed class ScoreTrendTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_score_is_read_against_the_first_in_time_order()
    {
        var trend = ScoreTrend.Of(Instruments.Phq9, [
            (Guid.NewGuid(), Start.AddDays(28), 9, false),
            (Guid.NewGuid(), Start, 16, true),
            (Guid.NewGuid(), Start.AddDays(14), 13, false),
        ]);
        Assert.Equal([16, 13, 9], trend.Points.Select(p => p.Total));
        Assert.Equal([0, -3, -7], trend.Points.Select(p => p.ChangeFromFirst));
        Assert.Equal([ChangeKind.NoReliableChange, ChangeKind.NoReliableChange, ChangeKind.ReliablyImproved], trend.Points.Select(p => p.Change));
        Assert.Equal(["Moderately severe", "Moderate", "Mild"], trend.Points.Select(p => p.Band.Label));
        Assert.NotEqual(ChangeKind.ReliablyWorse, trend.Latest!.Change);
    }

    [Fact]
    public void A_rise_of_the_threshold_is_a_worsening_trend()
    {
        var trend = ScoreTrend.Of(Instruments.Gad7, [(Guid.NewGuid(), Start, 6, false), (Guid.NewGuid(), Start.AddDays(7), 10, false)]);
        Assert.Equal(ChangeKind.ReliablyWorse, trend.Latest!.Change);
        Assert.Null(ScoreTrend.Of(Instruments.Gad7, []).Latest);
    }
}
