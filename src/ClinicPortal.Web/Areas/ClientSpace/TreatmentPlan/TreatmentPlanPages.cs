namespace ClinicPortal.Web.Areas.ClientSpace.TreatmentPlan;

public sealed record MyGoal(string Description, string? HowWeWillKnow, DateOnly? TargetDate);

/// <summary>The signed plan in the client's words; null fields are left out of the page.</summary>
public sealed record MyPlan(int Revision, string WorkingOn, IReadOnlyList<MyGoal> Goals, string? HowWeWillWork, DateOnly? ReviewDate,
    DateTimeOffset SignedAt, DateTimeOffset? AcknowledgedAt);

/// <param name="Plan">Null until the clinician signs a plan.</param>
public sealed record MyPlanPage(MyPlan? Plan, TimeZoneInfo Zone, bool ReadOnly);
