namespace ClinicPortal.Core.Progress;

public enum Regression
{
    None = 0,
    /// <summary>Moved back to a stage earlier in the model's order.</summary>
    EarlierStage = 1,
    /// <summary>Moved into a relapse stage (wherever it sits in the order).</summary>
    Relapse = 2,
}

public sealed record PathPoint(StageAssessment Assessment, Stage Stage, Regression Regression)
{
    public bool IsRegression => Regression != Regression.None;
}

/// <summary>
/// A client's assessments in one model, in date order, with every regression marked.
/// Movement is not expected to be linear: going back is shown as it happened, never smoothed away.
/// </summary>
public sealed class StagePath
{
    public StageModel Model { get; }
    public IReadOnlyList<PathPoint> Points { get; }

    private StagePath(StageModel model, IReadOnlyList<PathPoint> points) => (Model, Points) = (model, points);

    /// <summary>Assessments of other models are left out: positions are only comparable within one model.</summary>
    public static StagePath Build(StageModel model, IEnumerable<StageAssessment> assessments)
    {
        var points = new List<PathPoint>();
        Stage? previous = null;
        foreach (var a in assessments.Where(a => a.ModelId == model.Id).OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAt))
        {
            if (model.FindStage(a.StageId) is not { } stage) continue;
            points.Add(new PathPoint(a, stage, Classify(previous, stage)));
            previous = stage;
        }
        return new StagePath(model, points);
    }

    /// <summary>Staying in the same stage is not a move; entering a relapse stage always counts, even as the first assessment.</summary>
    public static Regression Classify(Stage? from, Stage to)
    {
        if (from?.Id == to.Id) return Regression.None;
        if (to.IsRelapse) return Regression.Relapse;
        return from is not null && to.Position < from.Position ? Regression.EarlierStage : Regression.None;
    }

    public PathPoint? Current => Points.Count == 0 ? null : Points[^1];

    /// <summary>The day the client entered the current stage: the first assessment of the final run in that stage.</summary>
    public DateOnly? CurrentStageSince
    {
        get
        {
            if (Current is not { } current) return null;
            var since = current.Assessment.AssessedOn;
            for (var i = Points.Count - 1; i >= 0 && Points[i].Stage.Id == current.Stage.Id; i--)
                since = Points[i].Assessment.AssessedOn;
            return since;
        }
    }

    /// <summary>Whole days in the current stage as of <paramref name="today"/> (0 on the day it was entered).</summary>
    public int? DaysInCurrentStage(DateOnly today) =>
        CurrentStageSince is { } since ? Math.Max(0, today.DayNumber - since.DayNumber) : null;

    public int RegressionCount => Points.Count(p => p.IsRegression);
}
