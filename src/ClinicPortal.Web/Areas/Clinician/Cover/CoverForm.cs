using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.Cover;

/// <summary>Cover to give: who covers which of one clinician's clients, from which day to which (both included).</summary>
public sealed class CoverForm
{
    [BindingMessage("Choose a clinician from the list.")]
    public Guid? CoveringClinicianId { get; set; }

    [BindingMessage("Choose clients from the list.")]
    public List<Guid> ClientIds { get; set; } = [];

    [BindingMessage("Enter the first day of the cover as a date.")]
    public DateOnly? StartsOn { get; set; }

    [BindingMessage("Enter the last day of the cover as a date.")]
    public DateOnly? EndsOn { get; set; }

    /// <summary>The active clinicians who may cover (not the grantor).</summary>
    [BindNever]
    public IReadOnlyList<(Guid Id, string Name)> Clinicians { get; set; } = [];

    /// <summary>The grantor's clients in care.</summary>
    [BindNever]
    public IReadOnlyList<(Guid Id, string Name)> Clients { get; set; } = [];

    /// <summary>The terms, or a refusal naming what is missing.</summary>
    public Core.Cover.CoverTerms Terms() =>
        StartsOn is { } starts && EndsOn is { } ends
            ? new(CoveringClinicianId ?? Guid.Empty, starts, ends)
            : throw new Core.Common.DomainRuleException("Enter the first and the last day of the cover.");
}
