using ClinicPortal.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Identity;

/// <summary>
/// The one way to end every session of a person: a new security stamp. Sign-in cookies fail their next stamp check
/// (SecurityStampValidatorOptions.ValidationInterval, a minute) and anything else that carries the stamp (a device
/// token) is void at once. Used by "Sign out on all my devices", password change and reset, re-issued sign-ins
/// (<see cref="ClearSignInAsync"/>), discharge and staff deactivation. Saves the unit of work (and whatever else it holds, e.g. the audit row).
/// </summary>
public sealed class SignOutEverywhere(UserManager<ApplicationUser> users)
{
    public async Task EndAllSessionsAsync(ApplicationUser user) => Check(await users.UpdateSecurityStampAsync(user));

    /// <summary>
    /// A re-issued sign-in (a client's or a colleague's): the password, the authenticator key, the recovery codes and any
    /// lockout are cleared, so whoever knew them is out and cannot have locked the owner out with two-step sign-in; then
    /// every session ends. Saves the unit of work (and whatever else it holds, e.g. the audit row).
    /// </summary>
    public async Task ClearSignInAsync(ApplicationUser user)
    {
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        foreach (var name in new[] { "AuthenticatorKey", "RecoveryCodes" }) // Identity's own token names, under its store's provider
            Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", name));
        await EndAllSessionsAsync(user);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
