using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

/// <param name="RoleHistory">The person's role changes, newest first (empty for a new person).</param>
public sealed record SupportFormPage(Guid? PersonId, SupportPersonForm Form, IReadOnlyList<RoleChangeRow>? RoleHistory = null)
{
    public bool IsNew => PersonId is null;
}

/// <summary>A role change on the person's page: who, when (clinic time), from → to.</summary>
public sealed record RoleChangeRow(DateTime At, string By, SupportRole From, SupportRole To);

public sealed record SupportListPage(bool ReadOnly, IReadOnlyList<SupportPerson> People, IReadOnlyDictionary<Guid, string> BoundaryNames);
