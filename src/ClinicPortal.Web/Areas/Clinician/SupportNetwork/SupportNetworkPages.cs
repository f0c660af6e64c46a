using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

public sealed record SupportFormPage(Guid? PersonId, SupportPersonForm Form)
{
    public bool IsNew => PersonId is null;
}

public sealed record SupportListPage(bool ReadOnly, IReadOnlyList<SupportPerson> People, IReadOnlyDictionary<Guid, string> BoundaryNames);
