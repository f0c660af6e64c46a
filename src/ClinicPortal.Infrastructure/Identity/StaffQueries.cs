using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Infrastructure.Identity;

public static class StaffQueries
{
    /// <summary>The active accounts holding a role (clinicians who can be a backup, administrators who get escalations).</summary>
    public static IQueryable<ApplicationUser> ActiveInRole(this ClinicDbContext db, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role && u.IsActive
        select u;
}
