namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>The "Safety" card of the client overview: open concerns, waiting alerts and the safety plan's state.</summary>
public sealed record SafetySummary(Guid ClientId, IReadOnlyList<ConcernRow> OpenConcerns, int UnacknowledgedAlerts, PlanStatus Plan);
