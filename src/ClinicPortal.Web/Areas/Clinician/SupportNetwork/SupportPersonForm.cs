using ClinicPortal.Core.Common;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

/// <summary>The support-person form. The rules (risk is never crisis, what may be shared) live in <see cref="SupportPerson"/>.</summary>
public sealed class SupportPersonForm : IVersionedForm
{
    public uint Version { get; set; }

    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public SupportType? Type { get; set; }
    public SupportRole? Role { get; set; }
    public bool IsCrisisContact { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public Guid? BoundaryId { get; set; }
    public bool SharedWithClient { get; set; }

    /// <summary>The client's boundaries the person can be linked to: shown by the form, never read from a post.</summary>
    [BindNever]
    public IReadOnlyList<BoundaryChoice> BoundaryChoices { get; set; } = [];

    public SupportPersonDetails ToDetails() => new(
        Name, Relationship,
        Type ?? throw new DomainRuleException("Choose a type."),
        Role ?? throw new DomainRuleException("Choose a role."),
        IsCrisisContact, Phone, Email, Notes, BoundaryId, SharedWithClient);

    public SupportPersonForm With(IReadOnlyList<BoundaryChoice> choices)
    {
        BoundaryChoices = choices;
        return this;
    }

    public static SupportPersonForm From(SupportPerson p) => new()
    {
        Name = p.Name, Relationship = p.Relationship, Type = p.Type, Role = p.Role, IsCrisisContact = p.IsCrisisContact,
        Phone = p.Phone, Email = p.Email, Notes = p.Notes, BoundaryId = p.BoundaryId, SharedWithClient = p.SharedWithClient,
    };
}

public sealed record BoundaryChoice(Guid Id, string PersonName);
