using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.BoundaryPlans;

/// <summary>
/// One saved state of a boundary: who saved it, when, the whole plan as it then stood, and a short
/// machine-made summary of what changed. Written once, never edited.
/// </summary>
public sealed class BoundaryRevision : IClinicalRecord
{
    public const int SummaryMax = 1000, NoteMax = 1600;

    public Guid Id { get; private set; }
    public Guid BoundaryId { get; private set; }
    public Guid ClientId { get; private set; }
    /// <summary>1 for the creation, then 2, 3… per boundary.</summary>
    public int Number { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The level before this save; null for the first revision.</summary>
    public ContactLevel? PreviousContactLevel { get; private set; }
    public ContactLevel ContactLevel { get; private set; }
    public string Summary { get; private set; } = "";
    /// <summary>Why the move was made, where the plan asks for it (a trial's exit criterion); null otherwise.</summary>
    public string? Note { get; private set; }
    /// <summary>The plan as JSON (see <see cref="BoundaryJson"/>).</summary>
    public string Snapshot { get; private set; } = "";

    private BoundaryRevision() { }

    internal BoundaryRevision(Boundary boundary, int number, Guid authorId, DateTimeOffset now, ContactLevel? previousLevel,
        BoundarySnapshot snapshot, string summary, string? note)
    {
        (Id, BoundaryId, ClientId, Number, AuthorId, CreatedAt) = (Guid.NewGuid(), boundary.Id, boundary.ClientId, number, authorId, now);
        (PreviousContactLevel, ContactLevel) = (previousLevel, snapshot.ContactLevel);
        Summary = summary.Length > SummaryMax ? summary[..(SummaryMax - 1)] + "…" : summary;
        Snapshot = BoundaryJson.Write(snapshot);
        Note = note;
    }

    public BoundarySnapshot ReadSnapshot() => BoundaryJson.ReadSnapshot(Snapshot);

    public ContactLevelChange LevelChange() => new(PreviousContactLevel, ContactLevel);
}
