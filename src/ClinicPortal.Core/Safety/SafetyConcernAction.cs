using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.Safety;

/// <summary>A dated step taken about a concern (number blocked, police report...). Never edited once written.</summary>
public sealed class SafetyConcernAction : IClinicalRecord
{
    public const int NoteMax = 1000;

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }
    public Guid ClientId { get; private set; }
    public ConcernActionKind Kind { get; private set; }
    public DateOnly TakenOn { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private SafetyConcernAction() { }

    internal SafetyConcernAction(Guid concernId, Guid clientId, ConcernActionKind kind, DateOnly takenOn, string? note, Guid recordedById, DateTimeOffset now) =>
        (Id, ConcernId, ClientId, Kind, TakenOn, Note, RecordedById, RecordedAt) = (Guid.NewGuid(), concernId, clientId, kind, takenOn, note, recordedById, now);

    public string Label => Kind == ConcernActionKind.Other && Note is not null ? Note : SafetyLabels.Of(Kind);
}
