using ClinicPortal.Core.TreatmentPlans;

namespace ClinicPortal.Web.Areas.Clinician.TreatmentPlans;

/// <summary>A goal on the plan page: its words, its criterion in words, its target date and its computed status.</summary>
public sealed record GoalView(string Description, string Criterion, DateOnly? TargetDate, GoalStatus Status);

/// <summary>A revision in the plan's history: who saved it and what changed, and whether it was signed and acknowledged.</summary>
public sealed record PlanRevisionRow(int Number, DateTimeOffset At, string Author, string Summary, DateTimeOffset? SignedAt, string? SignedBy,
    DateTimeOffset? AcknowledgedAt);

/// <param name="Plan">Null before the first plan is written.</param>
/// <param name="Revisions">Newest first; the first is the plan as it stands.</param>
public sealed record TreatmentPlanPage(bool ReadOnly, PlanContent? Plan, IReadOnlyList<GoalView> Goals, bool ReviewOverdue,
    IReadOnlyList<PlanRevisionRow> Revisions, TimeZoneInfo Zone)
{
    public PlanRevisionRow? Latest => Revisions.Count > 0 ? Revisions[0] : null;
}

public sealed record PlanEditPage(bool ReadOnly, PlanForm Form, bool Exists);
