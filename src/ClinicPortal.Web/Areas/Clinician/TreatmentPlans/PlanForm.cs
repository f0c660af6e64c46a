using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.TreatmentPlans;

/// <summary>The treatment plan's edit form: its goals as rows, with blank rows to add new ones (a blank row is left out).</summary>
public sealed class PlanForm : IVersionedForm
{
    /// <summary>Empty goal rows offered under the plan's goals.</summary>
    public const int BlankRows = 2;

    public uint Version { get; set; }

    public string? PresentingProblems { get; set; }

    public string? Interventions { get; set; }

    [BindingMessage("Choose a review date, or leave it empty.")]
    public DateOnly? ReviewDate { get; set; }

    [BindingMessage("A goal could not be read: choose from the lists, and enter whole numbers and dates.")]
    public List<GoalRow> Goals { get; set; } = [];

    /// <summary>The client's boundaries a boundary goal can name, by id.</summary>
    [BindNever]
    public IReadOnlyDictionary<Guid, string> Boundaries { get; set; } = new Dictionary<Guid, string>();

    public PlanContent ToContent() => new(PresentingProblems ?? "", Goals.Where(g => !g.IsBlank).Select(g => g.ToGoal()).ToList(), Interventions, ReviewDate);

    public static PlanForm From(PlanContent? content)
    {
        var form = content is null ? new PlanForm() : new PlanForm
        {
            PresentingProblems = content.PresentingProblems, Interventions = content.Interventions, ReviewDate = content.ReviewDate,
            Goals = content.Goals.Select(GoalRow.From).ToList(),
        };
        return form.WithBlankRows();
    }

    /// <summary>Tops the rows up with blank ones, so a form shown again still offers room for a new goal.</summary>
    public PlanForm WithBlankRows()
    {
        while (Goals.Count(g => g.IsBlank) < BlankRows && Goals.Count < PlanContent.GoalsMax) Goals.Add(new GoalRow());
        return this;
    }
}

/// <summary>One goal as the form holds it: every kind's fields, of which only the chosen kind's are read.</summary>
public sealed class GoalRow
{
    public string? Description { get; set; }
    public CriterionKind Kind { get; set; }
    public string? Instrument { get; set; }
    public CheckInSignal? Signal { get; set; }
    public Comparison? Comparison { get; set; }
    public int? Threshold { get; set; }
    public int? Weeks { get; set; }
    public Guid? BoundaryId { get; set; }
    public DateOnly? TargetDate { get; set; }

    /// <summary>Nothing typed or chosen: a row left as it was offered.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Kind == CriterionKind.FreeText && TargetDate is null;

    /// <summary>The goal with the chosen kind's fields only; a boundary goal is due by the goal's target date.</summary>
    public PlanGoal ToGoal() => new(Description ?? "", Kind switch
    {
        CriterionKind.Measure => new GoalCriterion(Kind, Instrument: Instrument, Comparison: Comparison, Threshold: Threshold, Weeks: Weeks),
        CriterionKind.CheckInSignal => new GoalCriterion(Kind, Signal: Signal, Comparison: Comparison, Threshold: Threshold, Weeks: Weeks),
        CriterionKind.Boundary => new GoalCriterion(Kind, BoundaryId: BoundaryId, ByDate: TargetDate),
        _ => new GoalCriterion(Kind),
    }, TargetDate);

    public static GoalRow From(PlanGoal g) => new()
    {
        Description = g.Description, Kind = g.Criterion.Kind, Instrument = g.Criterion.Instrument, Signal = g.Criterion.Signal,
        Comparison = g.Criterion.Comparison, Threshold = g.Criterion.Threshold, Weeks = g.Criterion.Weeks, BoundaryId = g.Criterion.BoundaryId,
        TargetDate = g.TargetDate,
    };
}
