using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Features.Account;

/// <summary>After a completed sign-in (password, authenticator code or recovery code): last sign-in time and an audit row.</summary>
public sealed class SignInRecorder(UserManager<ApplicationUser> users, AuditTrail audit, TimeProvider clock)
{
    public async Task<string> RecordAsync(ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var role = Roles.All.FirstOrDefault(roles.Contains)?.ToLowerInvariant() ?? "anonymous";
        user.LastSignInAt = clock.GetUtcNow();
        audit.AddAs(user.Id, role, AuditActions.SignIn, AuditRecords.Account, user.Id, null);
        await users.UpdateAsync(user); // saves the audit row with it
        return RoleHomes.For(roles);
    }
}
