using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Progress;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

/// <summary>
/// A check-in signal drawn on the same time axis as the stage path (urge to break contact, a setback,
/// a contact attempt), from the client's check-ins (see <see cref="ProgressQuery"/>).
/// </summary>
public sealed record ProgressSignal(DateOnly Date, string Kind, int? Value);

public sealed record ModelChange(string ModelName, DateTimeOffset StartedAt, string ChangedByName);

public sealed record LinkableNote(Guid Id, DateOnly ServiceDate, NoteFormat Format);

public sealed record ProgressPage(
    bool ReadOnly,
    DateOnly Today,
    TimeZoneInfo Zone,
    StagePath Path,
    IReadOnlyList<StagePath> EarlierPaths,
    IReadOnlyList<ModelChange> ModelHistory,
    IReadOnlyList<StageModel> SwitchableModels,
    IReadOnlyList<LinkableNote> Notes,
    IReadOnlyDictionary<Guid, string> PeopleNames,
    IReadOnlyList<ProgressSignal> Signals,
    AssessmentForm Form,
    IReadOnlyList<Core.Measures.ScoreTrend> MeasureTrends)
{
    public StageModel Model => Path.Model;

    /// <summary>Looking them up, feelings and contact attempts per person, week by week, newest first (only weeks with check-ins).</summary>
    public IReadOnlyList<Core.CheckIns.WeekTally> CheckInWeeks { get; init; } = [];

    /// <summary>How many weeks the progress page lists; the client's check-ins page holds the rest.</summary>
    public const int WeeksShown = 12;

    public string NoteLabel(Guid noteId) =>
        Notes.FirstOrDefault(n => n.Id == noteId) is { } n ? $"{n.ServiceDate:d MMM yyyy} · {NoteTemplates.DisplayName(n.Format)}" : "Note";

    /// <summary>The data block progress-chart.js reads; rendered as JSON, never executed.</summary>
    public object ChartData() => new
    {
        model = Model.Name,
        today = Today.ToString("yyyy-MM-dd"),
        stages = Model.OrderedStages.Select(s => new { position = s.Position, name = s.Name, relapse = s.IsRelapse }),
        points = Path.Points.Select(p => new
        {
            date = p.Assessment.AssessedOn.ToString("yyyy-MM-dd"),
            position = p.Stage.Position,
            stage = p.Stage.Name,
            regression = RegressionCode(p.Regression),
        }),
        signals = Signals.Select(s => new { date = s.Date.ToString("yyyy-MM-dd"), kind = s.Kind, value = s.Value }),
    };

    public static string RegressionCode(Regression r) => r switch
    {
        Regression.EarlierStage => "earlier",
        Regression.Relapse => "relapse",
        _ => "none",
    };

    public static string RegressionLabel(Regression r) => r switch
    {
        Regression.EarlierStage => "Regression: back to an earlier stage",
        Regression.Relapse => "Regression: relapse",
        _ => "",
    };
}
