using ClinicPortal.Core.BoundaryPlans;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

public sealed record BoundarySummaryRow(Guid Id, string PersonName, ContactLevel ContactLevel, bool DoorOpen, bool ReviewOverdue);

/// <summary>The boundary card on the client overview.</summary>
public sealed record BoundarySummary(Guid ClientId, IReadOnlyList<BoundarySummaryRow> Boundaries);
