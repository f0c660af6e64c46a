using System.Linq.Expressions;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>A concern's editable fields. The rules live in <see cref="SafetyConcern"/>; this only carries them.</summary>
public sealed class ConcernForm
{
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
    [BindingMessage("Choose which action was taken.")]
    public ConcernActionKind? Kind { get; set; }
    public DateOnly? TakenOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>A concern as the register and the overview's safety card list it.</summary>
public sealed record ConcernRow(
    Guid Id, ConcernType Type, string? OtherType, ConcernSeverity Severity, ConcernStatus Status,
    DateOnly FirstNoticed, DateOnly? LastOccurrence, DateOnly? NextReviewDate, int Actions, bool UnacknowledgedAlert) : IConcernReview
{
    public string TypeName => SafetyLabels.TypeName(Type, OtherType);

    /// <summary>The one projection of a concern to its row, with its action count and whether an alert about it waits.</summary>
    public static Expression<Func<SafetyConcern, ConcernRow>> Projection(ClinicDbContext db) =>
        c => new ConcernRow(c.Id, c.Type, c.OtherType, c.Severity, c.Status, c.FirstNoticed, c.LastOccurrence, c.NextReviewDate,
            db.Set<SafetyConcernAction>().Count(a => a.ConcernId == c.Id),
            db.Set<ClinicianAlert>().Any(a => a.ConcernId == c.Id && a.AcknowledgedAt == null));
}

/// <summary>Whether the client has a safety plan, and whether it is shared with them.</summary>
public sealed record PlanStatus(bool Exists, bool Shared, DateTimeOffset? UpdatedAt)
{
    public static readonly PlanStatus None = new(false, false, null);

    public static async Task<PlanStatus> OfAsync(ClinicDbContext db, Guid clientId, CancellationToken ct) =>
        await db.Set<SafetyPlan>().Where(p => p.ClientId == clientId).Select(p => new PlanStatus(true, p.SharedWithClient, p.UpdatedAt)).SingleOrDefaultAsync(ct)
        ?? None;
}

public sealed record SafetyRegisterPage(bool ReadOnly, IReadOnlyList<ConcernRow> Concerns, PlanStatus Plan, DateOnly Today);

public sealed record ConcernFormPage(Guid? ConcernId, ConcernForm Form)
{
    public bool IsNew => ConcernId is null;
}

public sealed record ActionView(string Label, ConcernActionKind Kind, DateOnly TakenOn, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ChangeView(string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> Lines, string? PreviousDescription, string? PreviousResolutionNote);

public sealed record AlertView(Guid Id, AlertKind Kind, ConcernSeverity Severity, DateTimeOffset RaisedAt);

public sealed record ConcernPage(
    bool ReadOnly, SafetyConcern Concern, IReadOnlyList<ActionView> Actions, IReadOnlyList<ChangeView> Timeline,
    IReadOnlyList<AlertView> OpenAlerts, ActionForm NewAction, DateOnly Today, TimeZoneInfo Zone);
