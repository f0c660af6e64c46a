namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>What a clinician enters for a boundary, before the rules in <see cref="Boundary"/> check and tidy it.</summary>
public sealed record BoundaryDetails(
    string? PersonName,
    RelationshipType Relationship,
    ContactLevel ContactLevel,
    bool DoorOpen,
    HowTold? HowTold,
    IReadOnlyList<ChannelEntry> Channels,
    IReadOnlyList<PlanItem> Reasons,
    IReadOnlyList<ConditionItem> Conditions,
    string? Exceptions,
    DateOnly? StartDate,
    string? PlannedLength,
    DateOnly? ReviewDate,
    IReadOnlyList<PreparationItem> Preparation);

/// <summary>
/// A boundary as it stood after one save: what a revision keeps, and what two revisions are compared on.
/// Lists are in the client's order; channels and preparation in the checklist order.
/// </summary>
public sealed record BoundarySnapshot(
    string PersonName,
    RelationshipType Relationship,
    ContactLevel ContactLevel,
    bool DoorOpen,
    HowTold? HowTold,
    IReadOnlyList<ChannelEntry> Channels,
    IReadOnlyList<PlanItem> Reasons,
    IReadOnlyList<ConditionItem> Conditions,
    string? Exceptions,
    DateOnly? StartDate,
    string? PlannedLength,
    DateOnly? ReviewDate,
    IReadOnlyList<PreparationItem> Preparation)
{
    public ChannelStatus? StatusOf(BoundaryChannel channel) =>
        Channels.FirstOrDefault(c => c.Channel == channel)?.Status;
}
