using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.CrisisResources;

public sealed record CrisisResourceFormPage(Guid? Id, CrisisResourceForm Form)
{
    public bool IsNew => Id is null;
}
