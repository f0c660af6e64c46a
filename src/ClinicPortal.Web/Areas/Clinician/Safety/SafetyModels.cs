using ClinicPortal.Core.Safety;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>A concern's editable fields. The rules live in <see cref="SafetyConcern"/>; this only carries them.</summary>
public sealed class ConcernForm
{
    public ConcernType? Type { get; set; }
    public string? OtherType { get; set; }
    public ConcernSeverity? Severity { get; set; }
    public ConcernStatus? Status { get; set; } = ConcernStatus.Open;
    public DateOnly? FirstNoticed { get; set; }
    public DateOnly? LastOccurrence { get; set; }
    public string? InvolvedPerson { get; set; }
    public string? Description { get; set; }
    public DateOnly? NextReviewDate { get; set; }
    public string? ResolutionNote { get; set; }

    /// <summary>Links to other features' records are kept as they are; this form does not edit them yet.</summary>
    public SafetyConcernDetails ToDetails(SafetyConcern? existing = null) => new(Type, OtherType, Severity, Status, FirstNoticed, LastOccurrence,
        InvolvedPerson, Description, NextReviewDate, ResolutionNote, existing?.SupportPersonId, existing?.BoundaryId);

    public static ConcernForm From(SafetyConcern c) => new()
    {
        Type = c.Type, OtherType = c.OtherType, Severity = c.Severity, Status = c.Status, FirstNoticed = c.FirstNoticed,
        LastOccurrence = c.LastOccurrence, InvolvedPerson = c.InvolvedPerson, Description = c.Description,
        NextReviewDate = c.NextReviewDate, ResolutionNote = c.ResolutionNote,
    };
}

public sealed class ActionForm
{
    public ConcernActionKind? Kind { get; set; }
    public DateOnly? TakenOn { get; set; }
    public string? Note { get; set; }
}

public sealed record ConcernRow(
    Guid Id, ConcernType Type, string? OtherType, ConcernSeverity Severity, ConcernStatus Status,
    DateOnly FirstNoticed, DateOnly? LastOccurrence, DateOnly? NextReviewDate, int Actions, bool UnacknowledgedAlert)
{
    public string TypeName => SafetyLabels.TypeName(Type, OtherType);
}

public sealed record PlanStatus(bool Exists, bool Shared, DateTimeOffset? UpdatedAt);

public sealed record SafetyRegisterPage(Guid ClientId, bool ReadOnly, IReadOnlyList<ConcernRow> Concerns, PlanStatus Plan, DateOnly Today);

public sealed record ConcernFormPage(Guid ClientId, Guid? ConcernId, ConcernForm Form);

public sealed record ActionView(string Label, ConcernActionKind Kind, DateOnly TakenOn, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ChangeView(string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> Lines, string? PreviousDescription, string? PreviousResolutionNote);

public sealed record AlertView(Guid Id, AlertKind Kind, ConcernSeverity Severity, DateTimeOffset RaisedAt);

public sealed record ConcernPage(
    Guid ClientId, bool ReadOnly, SafetyConcern Concern, IReadOnlyList<ActionView> Actions, IReadOnlyList<ChangeView> Timeline,
    IReadOnlyList<AlertView> OpenAlerts, ActionForm NewAction, DateOnly Today, TimeZoneInfo Zone);
