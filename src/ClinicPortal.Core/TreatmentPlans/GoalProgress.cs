using ClinicPortal.Core.BoundaryPlans;

namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>A goal's computed status: only a measurable criterion has one (free text is judged in session).</summary>
public enum GoalStatus { NotMeasured = 0, NoData = 1, NotYet = 2, Met = 3 }

/// <summary>A dated number a sustained criterion is judged on: a questionnaire total or a check-in's mood or urge.</summary>
public readonly record struct DatedValue(DateTimeOffset At, int Value);

/// <summary>What the goals of one client are judged on, up to the moment they are judged.</summary>
/// <param name="Channels">The client's boundaries' channels, by boundary id.</param>
public sealed record GoalEvidence(
    IReadOnlyList<MeasureScore> Scores,
    IReadOnlyDictionary<Guid, IReadOnlyList<ChannelEntry>> Channels,
    IReadOnlyList<(DateTimeOffset At, int Mood, int Urge)> CheckIns)
{
    public static readonly GoalEvidence None = new([], new Dictionary<Guid, IReadOnlyList<ChannelEntry>>(), []);
}

/// <summary>
/// The status of a goal on a given moment (<c>asOf</c>, the page's now or a report period's end):
/// <list type="bullet">
/// <item>measure and check-in signal: met when the latest value meets the comparison and every value since the start of the run
/// of values meeting it did, the run having begun at least the criterion's weeks before <c>asOf</c>; no data without any value;</item>
/// <item>boundary: met when every channel of the boundary is done or not applicable; no data when it lists no channel;</item>
/// <item>free text: not measured.</item>
/// </list>
/// </summary>
public static class GoalProgress
{
    public static GoalStatus Of(GoalCriterion criterion, GoalEvidence evidence, DateTimeOffset asOf) => criterion.Kind switch
    {
        CriterionKind.Measure => Sustained(evidence.Scores.Where(s => s.Instrument == criterion.Instrument).Select(s => new DatedValue(s.At, s.Total)),
            criterion, asOf),
        CriterionKind.CheckInSignal => Sustained(evidence.CheckIns.Select(k => new DatedValue(k.At, criterion.Signal == CheckInSignal.Mood ? k.Mood : k.Urge)),
            criterion, asOf),
        CriterionKind.Boundary => Channels(criterion.BoundaryId is { } id ? evidence.Channels.GetValueOrDefault(id) : null),
        _ => GoalStatus.NotMeasured,
    };

    /// <summary>The run of values meeting the comparison that ends with the latest value must span the criterion's weeks.</summary>
    public static GoalStatus Sustained(IEnumerable<DatedValue> values, GoalCriterion criterion, DateTimeOffset asOf)
    {
        var ordered = values.Where(v => v.At <= asOf).OrderBy(v => v.At).ToList();
        if (ordered.Count == 0) return GoalStatus.NoData;
        DateTimeOffset? runStart = null;
        foreach (var v in ordered)
            runStart = GoalCriterion.Holds(criterion.Comparison!.Value, v.Value, criterion.Threshold!.Value) ? runStart ?? v.At : null;
        return runStart is { } start && asOf - start >= TimeSpan.FromDays(7 * criterion.Weeks!.Value) ? GoalStatus.Met : GoalStatus.NotYet;
    }

    public static GoalStatus Channels(IReadOnlyList<ChannelEntry>? channels) =>
        channels is null || channels.Count == 0 ? GoalStatus.NoData
        : channels.All(c => c.Status is ChannelStatus.Done or ChannelStatus.NotApplicable) ? GoalStatus.Met
        : GoalStatus.NotYet;

    public static string Label(GoalStatus status) => status switch
    {
        GoalStatus.Met => "Met",
        GoalStatus.NotYet => "Not yet",
        GoalStatus.NoData => "No data yet",
        _ => "Judged in session",
    };
}
