using System.Linq.Expressions;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

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

    public static readonly Expression<Func<SafetyPlan, PlanStatus>> Projection = p => new PlanStatus(true, p.SharedWithClient, p.UpdatedAt);

    public static async Task<PlanStatus> OfAsync(ClinicDbContext db, Guid clientId, CancellationToken ct) =>
        await db.Set<SafetyPlan>().Where(p => p.ClientId == clientId).Select(Projection).SingleOrDefaultAsync(ct) ?? None;
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

/// <param name="Supportive">Support-network people to name in the steps that name helpers; <paramref name="Risk"/> never may be.</param>
public sealed record SafetyPlanPage(bool ReadOnly, SafetyPlanForm Form, DateTimeOffset? UpdatedAt, string? UpdatedBy, TimeZoneInfo Zone,
    IReadOnlyList<string> Supportive, IReadOnlyList<string> Risk, IReadOnlyList<SafetyPlanRevisionRow> Revisions);

/// <summary>One saved state of the safety plan, for the list under the plan: who, when, what changed.</summary>
public sealed record SafetyPlanRevisionRow(int Number, DateTimeOffset At, string Author, string Summary, bool Shared);
