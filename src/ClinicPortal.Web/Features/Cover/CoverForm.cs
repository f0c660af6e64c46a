using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Cover;

/// <summary>Cover to give (by the clinician or an administrator): who covers which of one clinician's clients, from which day to which (both included).</summary>
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

    /// <summary>Fills the choices: the other active clinicians, and the grantor's clients in care (read under the caller's filters).</summary>
    public async Task<CoverForm> WithChoicesAsync(ClinicDbContext db, Guid grantorClinicianId, CancellationToken ct)
    {
        Clinicians = await db.ClinicianChoicesAsync(grantorClinicianId, ct);
        Clients = (await db.Clients.Where(c => c.PrimaryClinicianId == grantorClinicianId && c.Status != ClientStatus.Discharged).OrderBy(c => c.FullName)
            .Select(c => new { c.Id, c.FullName }).ToListAsync(ct)).Select(c => (c.Id, c.FullName)).ToList();
        return this;
    }
}
