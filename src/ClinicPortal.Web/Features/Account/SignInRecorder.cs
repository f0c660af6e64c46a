using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Features.Account;

/// <summary>
/// After a completed sign-in (password, authenticator code, recovery code, invitation or reset): last sign-in time,
/// an entry in the person's recent sign-ins (browser family, device type, masked address) and an audit row.
/// </summary>
public sealed class SignInRecorder(UserManager<ApplicationUser> users, ClinicDbContext db, AuditTrail audit, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<string> RecordAsync(ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var role = Roles.All.FirstOrDefault(roles.Contains)?.ToLowerInvariant() ?? "anonymous";
        var now = clock.GetUtcNow();
        user.LastSignInAt = now;
        var request = http.HttpContext;
        db.Set<SignInEvent>().Add(SignInEvent.Record(user.Id, now, request?.Request.Headers.UserAgent.ToString(), request?.Connection.RemoteIpAddress));
        audit.AddAs(user.Id, role, AuditActions.SignIn, AuditRecords.Account, user.Id, null);
        await users.UpdateAsync(user); // saves the sign-in entry and the audit row with it
        return RoleHomes.For(roles);
    }
}
