using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The active clinicians by name, as a form's choices (backup, cover, on-call rota), leaving out <paramref name="except"/>.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ClinicianChoicesAsync(this ClinicDbContext db, Guid? except, CancellationToken ct) =>
        (await db.ActiveInRole(Roles.Clinician).Where(c => c.Id != except).OrderBy(c => c.DisplayName)
            .Select(c => new { c.Id, c.DisplayName }).ToListAsync(ct))
        .Select(c => (c.Id, c.DisplayName)).ToList();
}
