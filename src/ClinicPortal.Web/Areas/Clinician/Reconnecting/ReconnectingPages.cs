using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Web.Areas.Clinician.Reconnecting;

/// <summary>The client's answers after a trial ended, or that they skipped them.</summary>
public sealed record DebriefView(DateTimeOffset At, bool Skipped, IReadOnlyList<ReflectionAnswer<DebriefQuestion>> Answers);

public sealed record TrialPlanRow(Guid Id, TrialChannel Channel, string Frequency, string FirstMeetingPlace, int FirstMeetingMinutes,
    string StandbyName, SupportRole StandbyRole, IReadOnlyList<string> ExitCriteria, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt,
    string? MetCriterion, string? OtherReason, DebriefView? Debrief);

public sealed record ReflectionRow(Guid Id, DateTimeOffset At, IReadOnlyList<ReflectionAnswer<ReadinessQuestion>> Answers,
    DateTimeOffset? ReviewedAt, string? ReviewedBy);

/// <summary>What a boundary's page shows of the way back into contact: its trial plans (newest first) and the client's reflections.</summary>
public sealed record ReconnectingView(IReadOnlyList<TrialPlanRow> Plans, IReadOnlyList<ReflectionRow> Reflections)
{
    public TrialPlanRow? InForce => Plans.FirstOrDefault(p => p.EndedAt is null);
    public bool IsEmpty => Plans.Count == 0 && Reflections.Count == 0;
}

/// <summary>A person the form may offer as the support person on standby (risk contacts are offered, marked, and refused by the rule).</summary>
public sealed record StandbyChoice(Guid Id, string Name, SupportRole Role);

public sealed record TrialPlanFormPage(Guid BoundaryId, string PersonName, Guid? PlanId, TrialPlanForm Form)
{
    public bool IsNew => PlanId is null;
}

public sealed record EndTrialPage(Guid BoundaryId, string PersonName, TrialPlanRow Plan, EndTrialForm Form);
