using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>How far a condition for reconsidering contact has been met.</summary>
public enum ConditionStatus
{
    NotYet = 0,
    Partly = 1,
    Met = 2,
}

/// <summary>
/// One condition for reconsidering contact, in the client's words, with how far it is met, since when, and what showed it.
/// Kept inside the boundary, so every revision holds the conditions as they then stood (the report reads them at the period end).
/// </summary>
public sealed record ConditionItem(string Text, bool SharedWithClient, ConditionStatus Status = ConditionStatus.NotYet,
    DateOnly? StatusDate = null, string? Evidence = null)
{
    public const int EvidenceMax = 1000;

    /// <summary>The words of a refusal, for tests and the page.</summary>
    public const string MetNeedsEvidence = "A condition marked met needs the evidence";

    /// <summary>Checks the status, date and evidence of a condition whose words are already tidied.</summary>
    internal static ConditionItem Check(ConditionItem item, string text)
    {
        if (!Enum.IsDefined(item.Status))
            throw new DomainRuleException($"Choose a status for the condition \"{Boundary.Shorten(text)}\": not yet, partly or met.");
        var evidence = Guard.Optional(item.Evidence, "The evidence for a condition", EvidenceMax);
        if (item.Status == ConditionStatus.Met && evidence is null)
            throw new DomainRuleException($"{MetNeedsEvidence}: write what showed it for \"{Boundary.Shorten(text)}\".");
        if (item.Status != ConditionStatus.NotYet && item.StatusDate is null)
            throw new DomainRuleException($"Give the date the condition \"{Boundary.Shorten(text)}\" was marked {BoundaryLabels.Of(item.Status).ToLowerInvariant()}.");
        return new ConditionItem(text, item.SharedWithClient, item.Status, item.StatusDate, evidence);
    }
}

public static partial class BoundaryLabels
{
    public static string Of(ConditionStatus value) => value switch
    {
        ConditionStatus.NotYet => "Not yet",
        ConditionStatus.Partly => "Partly",
        ConditionStatus.Met => "Met",
        _ => value.ToString(),
    };
}
