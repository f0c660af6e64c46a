using System.Globalization;

namespace ClinicPortal.Core.Safety;

/// <summary>The editable state of a concern at one moment, compared to describe a change.</summary>
public sealed record ConcernState(
    ConcernType Type, string? OtherType, ConcernSeverity Severity, ConcernStatus Status,
    DateOnly FirstNoticed, DateOnly? LastOccurrence, string? InvolvedPerson, Guid? SupportPersonId, Guid? BoundaryId,
    string Description, DateOnly? NextReviewDate, string? ResolutionNote);

/// <summary>Turns two states of a concern into the lines of its timeline.</summary>
public static class ConcernChanges
{
    private const string None = "none";

    public static IReadOnlyList<string> Created(ConcernState s) =>
    [
        $"Recorded: {SafetyLabels.TypeName(s.Type, s.OtherType)}, severity {SafetyLabels.Of(s.Severity).ToLowerInvariant()}, {SafetyLabels.Of(s.Status).ToLowerInvariant()}",
        .. s.NextReviewDate is { } review ? [$"Next review: {Date(review)}"] : Array.Empty<string>(),
    ];

    /// <summary>What differs between <paramref name="before"/> and <paramref name="after"/>; empty when nothing does.</summary>
    public static IReadOnlyList<string> Describe(ConcernState before, ConcernState after)
    {
        var lines = new List<string>();
        void Compare<T>(string label, T was, T now, Func<T, string> show)
        {
            if (!EqualityComparer<T>.Default.Equals(was, now)) lines.Add($"{label}: {show(was)} → {show(now)}");
        }

        if (before.Type != after.Type || before.OtherType != after.OtherType)
            lines.Add($"Type: {SafetyLabels.TypeName(before.Type, before.OtherType)} → {SafetyLabels.TypeName(after.Type, after.OtherType)}");
        Compare("Severity", before.Severity, after.Severity, SafetyLabels.Of);
        Compare("Status", before.Status, after.Status, SafetyLabels.Of);
        Compare("First noticed", before.FirstNoticed, after.FirstNoticed, Date);
        Compare("Last occurrence", before.LastOccurrence, after.LastOccurrence, d => d is { } v ? Date(v) : None);
        Compare("Who is involved", before.InvolvedPerson, after.InvolvedPerson, t => t ?? None);
        if (before.SupportPersonId != after.SupportPersonId) lines.Add("Linked support-network person changed");
        if (before.BoundaryId != after.BoundaryId) lines.Add("Linked boundary changed");
        if (before.Description != after.Description) lines.Add("Description edited");
        Compare("Next review", before.NextReviewDate, after.NextReviewDate, d => d is { } v ? Date(v) : None);
        if (before.ResolutionNote != after.ResolutionNote)
            lines.Add(before.ResolutionNote is null ? "Resolution note added" : after.ResolutionNote is null ? "Resolution note removed" : "Resolution note edited");
        return lines;
    }

    public static IReadOnlyList<string> ActionAdded(ConcernActionKind kind, DateOnly takenOn) =>
        [$"Action recorded: {SafetyLabels.Of(kind)} ({Date(takenOn)})"];

    public static IReadOnlyList<string> AlertAcknowledged(AlertKind kind, AlertResponse response, string? note) =>
        [$"Alert acknowledged ({SafetyLabels.Of(kind)}): {SafetyLabels.Of(response, note)}"];

    public static string Date(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
