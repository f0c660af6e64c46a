using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CheckIns;

/// <summary>
/// "My own reasons": a reason the client writes in a check-in, in their words, which their clinician reads and may add
/// to the plan, to one boundary's reasons (shared with the client, since the words are theirs). The plan changes by a
/// revision like any other save, so the report and the history show when it was added.
/// </summary>
public static class OwnReasons
{
    public const int Max = Boundary.ItemMax;
    public const string NoneMessage = "This check-in has no reason of the client's own to add.";
    public const string AlreadyMessage = "That reason is already on the plan.";

    /// <summary>The revision that adds the reason, or a refusal (already on the plan, the list full).</summary>
    public static BoundaryRevision AddToPlan(Boundary boundary, string? reason, Guid clinicianId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException(NoneMessage);
        if (boundary.HasReason(reason)) throw new DomainRuleException(AlreadyMessage);
        var s = boundary.Snapshot();
        var details = new BoundaryDetails(s.PersonName, s.Relationship, s.ContactLevel, s.DoorOpen, s.HowTold, s.Channels,
            [.. s.Reasons, new PlanItem(reason.Trim(), SharedWithClient: true)], s.Conditions, s.Exceptions, s.StartDate, s.PlannedLength,
            s.ReviewDate, s.Preparation);
        return boundary.Revise(details, clinicianId, now)!; // a reason added to the list always changes the plan
    }
}
