using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>A concern's editable fields. The rules live in <see cref="SafetyConcern"/>; this only carries them.</summary>
public sealed class ConcernForm : IVersionedForm
{
    public uint Version { get; set; }

    [BindingMessage("Choose the type of concern.")]
    public ConcernType? Type { get; set; }
    public string? OtherType { get; set; }
    [BindingMessage("Choose a severity: low, moderate, high or imminent.")]
    public ConcernSeverity? Severity { get; set; }
    [BindingMessage("Choose a status: open, monitoring or resolved.")]
    public ConcernStatus? Status { get; set; } = ConcernStatus.Open;
    public DateOnly? FirstNoticed { get; set; }
    public DateOnly? LastOccurrence { get; set; }
    public string? InvolvedPerson { get; set; }
    public string? Description { get; set; }
    public DateOnly? NextReviewDate { get; set; }
    public string? ResolutionNote { get; set; }

    /// <summary>Links to other features' records (a support person, a boundary) are kept as they are: this form does not edit them.</summary>
    public SafetyConcernDetails ToDetails(SafetyConcern? existing = null) => new(Type, OtherType, Severity, Status, FirstNoticed, LastOccurrence,
        InvolvedPerson, Description, NextReviewDate, ResolutionNote, existing?.SupportPersonId, existing?.BoundaryId);

    public static ConcernForm From(SafetyConcern c) => new()
    {
        Type = c.Type, OtherType = c.OtherType, Severity = c.Severity, Status = c.Status, FirstNoticed = c.FirstNoticed,
        LastOccurrence = c.LastOccurrence, InvolvedPerson = c.InvolvedPerson, Description = c.Description,
        NextReviewDate = c.NextReviewDate, ResolutionNote = c.ResolutionNote,
    };
}
