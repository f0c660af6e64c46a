using System.Globalization;
using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.TreatmentPlans;

namespace ClinicPortal.Core.Reports;

/// <summary>The treatment plan's revisions saved by the period's end, and the tasks between sessions with their ticks up to then.</summary>
public sealed record TreatmentPlanInputs(
    IReadOnlyList<TreatmentPlanRevision> Revisions,
    IReadOnlyList<ClientTask> Tasks,
    IReadOnlyList<ClientTaskTick> Ticks,
    IReadOnlyDictionary<Guid, string> BoundaryNames)
{
    public static readonly TreatmentPlanInputs None = new([], [], [], new Dictionary<Guid, string>());
}

/// <summary>A goal of the plan signed by the period's end, in the copy's words.</summary>
public sealed record ReportGoal(string Description, string? Measure, DateOnly? TargetDate);

/// <param name="Plan">The latest revision signed by the period's end, and its content; null when none was signed by then.</param>
/// <param name="Acknowledged">Whether the client had acknowledged that revision by the period's end.</param>
public sealed record TreatmentPlanSection(int? Revision, DateOnly? SignedOn, bool Acknowledged, PlanContent? Plan, IReadOnlyList<ReportGoal> Goals,
    int Drafts, TaskTally Tasks)
{
    public bool IsEmpty => Plan is null && Tasks.Tasks.Count == 0;

    /// <summary>The plan as it stood signed at the end of the period (later revisions and ticks do not count), and the period's tasks.</summary>
    public static TreatmentPlanSection For(ReportInputs inputs, ReportPeriod period, ReportAudience audience)
    {
        var plan = inputs.TreatmentPlan ?? TreatmentPlanInputs.None;
        var byEnd = plan.Revisions.Where(r => inputs.LocalDate(r.CreatedAt) <= period.End).ToList();
        var signed = byEnd.Where(r => r.SignedAt is { } at && inputs.LocalDate(at) <= period.End).MaxBy(r => r.Number);
        var content = signed?.Content();
        var goals = (content?.Goals ?? []).Select(g =>
        {
            var boundary = g.Criterion.BoundaryId is { } id ? plan.BoundaryNames.GetValueOrDefault(id) : null;
            return new ReportGoal(g.Description, audience == ReportAudience.Client ? PlainWords.HowWeWillKnow(g.Criterion, boundary)
                : g.Criterion.Kind == CriterionKind.FreeText ? null : g.Criterion.Describe(boundary), g.TargetDate);
        }).ToList();
        var tally = TaskTally.Of(plan.Tasks.Select(t => (t.Id, t.Title, t.DueOn, t.GivenAt)), plan.Ticks.Select(t => (t.TaskId, t.Done, t.At)),
            period.Start, period.End, inputs.LocalDate);
        return new TreatmentPlanSection(signed?.Number, signed?.SignedAt is { } s ? inputs.LocalDate(s) : null,
            signed?.AcknowledgedAt is { } a && inputs.LocalDate(a) <= period.End, content, goals,
            byEnd.Count(r => signed is null || r.Number > signed.Number), tally);
    }

    /// <summary>The section's blocks; the client copy in plain words ("not done by its date" rather than "overdue").</summary>
    public void Compose(List<ReportBlock> blocks, ReportAudience audience)
    {
        var provider = audience == ReportAudience.Provider;
        var inv = CultureInfo.InvariantCulture;
        blocks.Add(new HeadingBlock(provider ? "Treatment plan and tasks" : "Your plan and tasks between sessions", 2));
        if (IsEmpty)
        {
            blocks.Add(new ParagraphBlock(provider ? "No treatment plan signed and no tasks given by the end of the period."
                : "No plan or tasks between sessions in this period.", TextTone.Muted));
            return;
        }
        if (Plan is null)
            blocks.Add(new ParagraphBlock(provider ? "No treatment plan was signed by the end of the period." : "No plan had been shared with you by the end of this period.", TextTone.Muted));
        else
        {
            blocks.Add(new KeyValueBlock(
            [
                new(provider ? "Signed revision" : "Plan", provider ? $"{Revision}, signed {ReportPeriod.Format(SignedOn!.Value)}" : $"Agreed {ReportPeriod.Format(SignedOn!.Value)}"),
                new(provider ? "Acknowledged by the client" : "You read it", Acknowledged ? "Yes" : "Not yet"),
                new(provider ? "Review date" : "We look at it again", Plan.ReviewDate is { } r ? ReportPeriod.Format(r) : "Not set"),
                .. provider && Drafts > 0 ? [new KeyValue("Unsigned drafts since", Drafts.ToString(inv))] : Array.Empty<KeyValue>(),
            ]));
            blocks.Add(new ParagraphBlock($"{(provider ? "Presenting problems" : "What we are working on")}: {Plan.PresentingProblems}"));
            blocks.Add(new TableBlock(provider ? "Goals" : "Your goals",
                [new("Goal", 200), new(provider ? "Measured by" : "How we will know", 225), new("Target", 70)],
                Goals.Select(g => new TableRow([g.Description, g.Measure ?? (provider ? "Judged in session" : "We talk it over in session"),
                    g.TargetDate is { } t ? ReportPeriod.Format(t) : "–"])).ToList()));
        }
        var k = Tasks;
        blocks.Add(new KeyValueBlock(
        [
            new(provider ? "Tasks given in the period" : "Tasks you were given", k.Given.ToString(inv)),
            new(provider ? "Done by the end" : "Ticked off", k.Done.ToString(inv)),
            new(provider ? "Overdue at the end" : "Not done by their date", k.Overdue.ToString(inv)),
        ]));
        if (k.Tasks.Count > 0)
            blocks.Add(new TableBlock(provider ? "Tasks between sessions" : "Your tasks",
                [new("Task", 245), new("Due", 80), new(provider ? "Done" : "Ticked off", 170)],
                k.Tasks.Select(t => new TableRow([t.Title, ReportPeriod.Format(t.DueOn),
                    t.DoneOn is { } on ? ReportPeriod.Format(on) : provider && t.Overdue ? "Overdue" : "Not yet"],
                    provider && t.Overdue ? RowMark.Attention : RowMark.None)).ToList()));
    }
}
