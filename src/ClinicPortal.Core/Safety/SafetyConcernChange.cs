using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.Safety;

/// <summary>
/// One entry of a concern's history: who changed it, when, and what changed. Free text that was
/// replaced is kept here too, so nothing a clinician wrote is ever lost.
/// </summary>
public sealed class SafetyConcernChange : IClinicalRecord
{
    public const int SummaryMax = 4000;

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ChangedById { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    /// <summary>One line per change, e.g. "Severity: moderate → high".</summary>
    public string Summary { get; private set; } = "";
    /// <summary>The description as it read before this change, when this change replaced it.</summary>
    public string? PreviousDescription { get; private set; }
    /// <summary>The resolution note as it read before this change, when this change replaced it.</summary>
    public string? PreviousResolutionNote { get; private set; }

    private SafetyConcernChange() { }

    internal SafetyConcernChange(Guid concernId, Guid clientId, Guid byId, DateTimeOffset now, IReadOnlyList<string> lines,
        string? previousDescription = null, string? previousResolutionNote = null)
    {
        (Id, ConcernId, ClientId, ChangedById, ChangedAt) = (Guid.NewGuid(), concernId, clientId, byId, now);
        var summary = string.Join("\n", lines);
        Summary = summary.Length > SummaryMax ? summary[..(SummaryMax - 1)] + "…" : summary;
        (PreviousDescription, PreviousResolutionNote) = (previousDescription, previousResolutionNote);
    }

    public IReadOnlyList<string> Lines => Summary.Split('\n');
}
