using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.TreatmentPlans;

namespace ClinicPortal.Core.Tests.TreatmentPlans;

public sealed class GoalProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly GoalCriterion UrgeAtMost4For3Weeks =
        new(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Comparison: Comparison.AtOrBelow, Threshold: 4, Weeks: 3);

    private static readonly GoalCriterion PhqBelow10For4Weeks =
        new(CriterionKind.Measure, Instrument: "PHQ-9", Comparison: Comparison.Below, Threshold: 10, Weeks: 4);

    private static GoalEvidence Urges(params (int DaysAgo, int Urge)[] values) =>
        GoalEvidence.None with { CheckIns = values.Select(v => (Now.AddDays(-v.DaysAgo), 5, v.Urge)).ToList() };

    [Fact]
    public void A_signal_met_for_the_whole_span_is_met() =>
        Assert.Equal(GoalStatus.Met, GoalProgress.Of(UrgeAtMost4For3Weeks, Urges((30, 7), (21, 4), (14, 3), (2, 4)), Now));

    [Fact]
    public void A_run_shorter_than_the_span_is_not_yet_met() =>
        Assert.Equal(GoalStatus.NotYet, GoalProgress.Of(UrgeAtMost4For3Weeks, Urges((30, 3), (20, 5), (14, 3), (2, 2)), Now));

    [Fact]
    public void The_latest_value_breaking_the_comparison_ends_the_run() =>
        Assert.Equal(GoalStatus.NotYet, GoalProgress.Of(UrgeAtMost4For3Weeks, Urges((40, 2), (30, 2), (1, 5)), Now));

    [Fact]
    public void Without_any_value_there_is_no_data() =>
        Assert.Equal(GoalStatus.NoData, GoalProgress.Of(UrgeAtMost4For3Weeks, GoalEvidence.None, Now));

    [Fact]
    public void Values_after_the_moment_judged_are_not_counted()
    {
        var evidence = Urges((30, 3), (2, 9));
        Assert.Equal(GoalStatus.Met, GoalProgress.Of(UrgeAtMost4For3Weeks, evidence, Now.AddDays(-3)));
        Assert.Equal(GoalStatus.NotYet, GoalProgress.Of(UrgeAtMost4For3Weeks, evidence, Now));
    }

    [Fact]
    public void Exactly_the_span_counts_as_met() =>
        Assert.Equal(GoalStatus.Met, GoalProgress.Of(UrgeAtMost4For3Weeks, Urges((21, 4)), Now));

    [Fact]
    public void A_mood_goal_reads_the_mood()
    {
        var mood = new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Mood, Comparison: Comparison.AtOrAbove, Threshold: 6, Weeks: 1);
        var evidence = GoalEvidence.None with { CheckIns = [(Now.AddDays(-8), 7, 9), (Now.AddDays(-1), 6, 9)] };
        Assert.Equal(GoalStatus.Met, GoalProgress.Of(mood, evidence, Now));
    }

    [Fact]
    public void A_measure_goal_reads_only_its_instruments_scores()
    {
        var evidence = GoalEvidence.None with { Scores = [new("GAD-7", Now.AddDays(-40), 3), new("PHQ-9", Now.AddDays(-29), 9), new("PHQ-9", Now.AddDays(-1), 8)] };
        Assert.Equal(GoalStatus.Met, GoalProgress.Of(PhqBelow10For4Weeks, evidence, Now));
        Assert.Equal(GoalStatus.NoData, GoalProgress.Of(PhqBelow10For4Weeks, GoalEvidence.None with { Scores = [new("GAD-7", Now.AddDays(-40), 3)] }, Now));
    }

    [Fact]
    public void A_score_of_exactly_the_threshold_is_not_below_it()
    {
        var evidence = GoalEvidence.None with { Scores = [new("PHQ-9", Now.AddDays(-60), 10)] };
        Assert.Equal(GoalStatus.NotYet, GoalProgress.Of(PhqBelow10For4Weeks, evidence, Now));
    }

    [Theory]
    [InlineData(new[] { ChannelStatus.Done, ChannelStatus.NotApplicable }, GoalStatus.Met)]
    [InlineData(new[] { ChannelStatus.Done, ChannelStatus.Planned }, GoalStatus.NotYet)]
    [InlineData(new ChannelStatus[0], GoalStatus.NoData)]
    public void A_boundary_goal_is_met_when_every_channel_is_closed(ChannelStatus[] statuses, GoalStatus expected)
    {
        var boundary = Guid.NewGuid();
        var channels = statuses.Select((s, i) => new ChannelEntry((BoundaryChannel)i, s)).ToList();
        var evidence = GoalEvidence.None with { Channels = new Dictionary<Guid, IReadOnlyList<ChannelEntry>> { [boundary] = channels } };
        Assert.Equal(expected, GoalProgress.Of(new GoalCriterion(CriterionKind.Boundary, BoundaryId: boundary, ByDate: new DateOnly(2026, 4, 1)), evidence, Now));
    }

    [Fact]
    public void A_boundary_goal_naming_no_known_boundary_has_no_data() =>
        Assert.Equal(GoalStatus.NoData, GoalProgress.Of(new GoalCriterion(CriterionKind.Boundary, BoundaryId: Guid.NewGuid()), GoalEvidence.None, Now));

    [Fact]
    public void A_free_text_goal_is_not_measured() =>
        Assert.Equal(GoalStatus.NotMeasured, GoalProgress.Of(GoalCriterion.FreeText, Urges((1, 1)), Now));
}
