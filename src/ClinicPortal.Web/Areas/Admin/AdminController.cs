using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Admin;

/// <summary>
/// Base for the administrators' pages: accounts, assignments, settings, the audit log and delivery state.
/// Administrators read client identities for assignment, never clinical content (the data filters see to it).
/// </summary>
[Area(AreaName)]
[Authorize(Roles = Core.Accounts.Roles.Admin)]
public abstract class AdminController(ClinicDbContext db) : PortalController(db)
{
    public const string AreaName = "Admin";
}
