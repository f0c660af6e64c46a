using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician;

/// <summary>
/// Base for clinician pages. Every read goes through the database context, whose query filters only ever
/// return the signed-in clinician's own clients and their records: anyone else's id is simply not found (404).
/// Pages about one client derive <see cref="ClientRecordController"/>.
/// </summary>
[Area(AreaName)]
[Authorize(Roles = Core.Accounts.Roles.Clinician)]
public abstract class ClinicianController(ClinicDbContext db) : PortalController(db)
{
    public const string AreaName = "Clinician";
}
