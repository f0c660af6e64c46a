namespace ClinicPortal.Core.Measures;

/// <summary>One score in a client's history of an instrument, read against the first.</summary>
public sealed record TrendPoint(Guid ResponseId, DateTimeOffset At, int Total, ScoreBand Band, int ChangeFromFirst, ChangeKind Change, bool SafetyFlag);

/// <summary>A client's scores on one instrument over time: each with its band and its change from the first score.</summary>
public sealed record ScoreTrend(Instrument Instrument, IReadOnlyList<TrendPoint> Points)
{
    public static ScoreTrend Of(Instrument instrument, IEnumerable<(Guid ResponseId, DateTimeOffset At, int Total, bool SafetyFlag)> scores)
    {
        var ordered = scores.OrderBy(s => s.At).ToList();
        var first = ordered.FirstOrDefault().Total;
        return new ScoreTrend(instrument, ordered.Select(s => new TrendPoint(s.ResponseId, s.At, s.Total, instrument.BandOf(s.Total),
            s.Total - first, ReliableChangeRule.Of(instrument, first, s.Total), s.SafetyFlag)).ToList());
    }

    public TrendPoint? Latest => Points.Count > 0 ? Points[^1] : null;
}
