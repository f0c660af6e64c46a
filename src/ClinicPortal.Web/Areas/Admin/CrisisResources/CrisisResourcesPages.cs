
namespace ClinicPortal.Web.Areas.Admin.CrisisResources;

public sealed record CrisisResourceFormPage(Guid? Id, CrisisResourceForm Form)
{
    public bool IsNew => Id is null;
}
