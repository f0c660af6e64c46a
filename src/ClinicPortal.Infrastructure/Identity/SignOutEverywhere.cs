using ClinicPortal.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Identity;

/// <summary>
/// The one way to end every session of a person: a new security stamp. Sign-in cookies fail their next stamp check
/// (SecurityStampValidatorOptions.ValidationInterval, a minute) and anything else that carries the stamp (a device
/// token) is void at once. Used by "Sign out on all my devices", password change and reset, re-issued sign-ins,
/// discharge and staff deactivation. Saves the unit of work (and whatever else it holds, e.g. the audit row).
/// </summary>
public sealed class SignOutEverywhere(UserManager<ApplicationUser> users)
{
    public async Task EndAllSessionsAsync(ApplicationUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
